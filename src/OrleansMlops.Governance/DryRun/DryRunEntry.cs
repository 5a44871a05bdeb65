using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.DryRun;

/// <summary>
/// One past decision replayed with the candidate: its recorded outcome, the outcome it would have now, whether that
/// changed, the rules whose result changed, and the governance error of the replay (or why the recorded input could
/// not be read back).
/// </summary>
public sealed record DryRunEntry(
    string DecisionId,
    string RunId,
    string Transition,
    DateTimeOffset EvaluatedAt,
    GateOutcome OldOutcome,
    GateOutcome NewOutcome,
    bool Changed,
    ImmutableArray<RuleChange> ChangedRules,
    string? Error);
