using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Storage.Audit;

/// <summary>
/// The append-only audit table as readers see it. Records are appended only with the change that sealed them, in its
/// transaction (<see cref="Transitions.TransitionStore"/>).
/// </summary>
public interface IAuditStore
{
    /// <summary>The run's records ordered by sequence; empty when there are none.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> records of <paramref name="stream"/> after sequence <paramref name="after"/>, oldest
    /// first: a page of a stream too long to read whole (the next page starts after the last sequence returned).
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> ReadPageAsync(string stream, long after, int limit, CancellationToken cancellationToken);
}
