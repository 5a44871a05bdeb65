using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Host.Api;

/// <summary>A decision as listed: what was decided, by which rule set versions, and the rules that failed (the input is in the full record).</summary>
public sealed record DecisionSummary(
    string DecisionId,
    string RunId,
    string Transition,
    string? NodeId,
    GateOutcome Outcome,
    ImmutableArray<RuleSetRef> RuleSets,
    ImmutableArray<RuleResult> FailedRules,
    DateTimeOffset EvaluatedAt,
    double DurationMs,
    string? Error)
{
    public static DecisionSummary From(GateDecision decision) => new(
        decision.DecisionId,
        decision.RunId,
        decision.Transition,
        decision.NodeId,
        decision.Outcome,
        decision.RuleSets,
        [.. decision.Results.Where(r => !r.Passed)],
        decision.EvaluatedAt,
        decision.DurationMs,
        decision.Error);
}
