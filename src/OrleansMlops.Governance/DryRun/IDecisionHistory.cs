using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.DryRun;

/// <summary>Recorded gate decisions, newest first, for a dry run to replay (implemented over the decision store).</summary>
public interface IDecisionHistory
{
    /// <summary>Up to <paramref name="limit"/> most recent decisions, of one transition or (null) of all.</summary>
    Task<IReadOnlyList<GateDecision>> RecentAsync(string? transition, int limit, CancellationToken cancellationToken);
}
