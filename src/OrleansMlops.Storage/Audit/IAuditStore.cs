using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Storage.Audit;

/// <summary>Append-only storage of sealed audit records.</summary>
public interface IAuditStore
{
    /// <summary>
    /// Stores the records in one transaction. Records already stored identically are skipped, so replaying
    /// an outbox after a crash is a no-op.
    /// </summary>
    /// <exception cref="AuditStoreException">
    /// A stored record with the same run and sequence differs (a fork or tampering); nothing is stored.
    /// </exception>
    Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>The run's records ordered by sequence; empty when there are none.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(string runId, CancellationToken cancellationToken);
}
