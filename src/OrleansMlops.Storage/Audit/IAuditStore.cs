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
    /// One page of the stream: up to <paramref name="limit"/> records after <paramref name="afterSequence"/> and up to
    /// <paramref name="throughSequence"/>, in sequence order.
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> ReadPageAsync(string runId, long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken);
}
