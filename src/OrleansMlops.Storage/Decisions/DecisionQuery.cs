using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Storage.Decisions;

/// <summary>
/// Filters for reading the decision log; null means any. <see cref="RuleName"/> matches decisions with a result for that
/// rule, <see cref="RuleSetId"/> decisions that used that rule set; <see cref="From"/> is inclusive, <see cref="To"/>
/// exclusive. Newest first, at most <see cref="Limit"/> rows.
/// </summary>
public sealed record DecisionQuery(
    string? RunId = null,
    string? RuleName = null,
    string? RuleSetId = null,
    GateOutcome? Outcome = null,
    string? Transition = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = DecisionQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public static int Clamp(int requested) => Math.Clamp(requested, 1, MaxLimit);
}
