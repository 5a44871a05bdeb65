using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains;

/// <summary>
/// Audit records are persisted with the grain state that produced them, then appended to the audit table. Appending
/// is idempotent, so an outbox that failed to flush is simply flushed again on the next change or activation.
/// </summary>
internal static class AuditOutbox
{
    /// <summary>Appends and empties the outbox; on failure keeps it and returns the error for the caller to log.</summary>
    public static async Task<Exception?> TryFlushAsync(this IAuditStore store, List<AuditRecord> outbox)
    {
        if (outbox.Count == 0)
        {
            return null;
        }

        try
        {
            await store.AppendAsync(outbox, CancellationToken.None);
            outbox.Clear();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
