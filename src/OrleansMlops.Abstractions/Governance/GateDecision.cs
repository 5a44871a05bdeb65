using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Governance;

/// <summary>
/// The record of one gate evaluation: which transition, which rule set versions, each rule's result,
/// the typed input as JSON, the outcome and how long it took.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-decision")]
public sealed record GateDecision(
    [property: Id(0)] string DecisionId,
    [property: Id(1)] string RunId,
    [property: Id(2)] string Transition,
    [property: Id(3)] string? NodeId,
    [property: Id(4)] GateOutcome Outcome,
    [property: Id(5)] ImmutableArray<RuleSetRef> RuleSets,
    [property: Id(6)] ImmutableArray<RuleResult> Results,
    [property: Id(7)] string InputJson,
    [property: Id(8)] DateTimeOffset EvaluatedAt,
    [property: Id(9)] double DurationMs,
    [property: Id(10)] string? Error)
{
    public bool Allows => Outcome == GateOutcome.Allowed;
}
