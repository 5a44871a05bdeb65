using OrleansMlops.Governance;

namespace OrleansMlops.Host.Api;

/// <summary>Why a rule set would be refused: the phase, and where known the rule and expression at fault, as activation's 422 names them.</summary>
public sealed record RuleSetProblem(string Phase, string Message, string? RuleSet, string? Rule, string? Expression, string Reason)
{
    public static RuleSetProblem From(GovernanceException e) =>
        new(e.Phase.ToString(), e.Message, e.RuleSetId, e.RuleName, e.Expression, e.Reason);
}
