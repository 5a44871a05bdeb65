using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>What evaluating one input against a catalog snapshot found: rule set versions used, rule results, governance errors.</summary>
internal sealed record GateEvaluationResult(ImmutableArray<RuleSetRef> RuleSets, ImmutableArray<RuleResult> Results, ImmutableArray<string> Errors)
{
    /// <summary>Error outweighs Blocked: a gate that could not evaluate every rule never allows, and says why.</summary>
    public GateOutcome Outcome => !Errors.IsEmpty ? GateOutcome.Error
        : Results.Any(r => !r.Passed) ? GateOutcome.Blocked
        : GateOutcome.Allowed;
}
