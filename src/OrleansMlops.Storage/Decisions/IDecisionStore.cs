using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.DryRun;

namespace OrleansMlops.Storage.Decisions;

/// <summary>
/// The decision log of the governance gate: every <see cref="GateDecision"/> a run acted on, with its rule set versions,
/// per-rule results and input snapshot, appended with the transition that acted on it (<see cref="Transitions.TransitionStore"/>).
/// It is also the <see cref="IDecisionHistory"/> a dry run of a candidate rule set replays.
/// </summary>
public interface IDecisionStore : IDecisionHistory
{
    /// <summary>Decisions matching every given filter, newest first (ties by decision id); the limit is clamped to 1..1000.</summary>
    Task<IReadOnlyList<GateDecision>> QueryAsync(DecisionQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The latest <paramref name="limit"/> decisions of one run, oldest first, with per-rule results; with their inputs
    /// only when <paramref name="withInputs"/> (an input is the bulk of a decision).
    /// </summary>
    Task<IReadOnlyList<GateDecision>> ForRunAsync(string runId, int limit, bool withInputs, CancellationToken cancellationToken);

    /// <summary>One decision with its input and per-rule results, or null when no decision has this id.</summary>
    Task<GateDecision?> GetAsync(string decisionId, CancellationToken cancellationToken);
}
