namespace OrleansMlops.Storage.Audit;

/// <summary>An append conflicted with what is stored: the audit chain has forked or was tampered with.</summary>
public sealed class AuditStoreException : Exception
{
    public AuditStoreException()
    {
    }

    public AuditStoreException(string message)
        : base(message)
    {
    }

    public AuditStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuditStoreException(string runId, long sequence, string message)
        : base(message)
    {
        RunId = runId;
        Sequence = sequence;
    }

    /// <summary>The run whose record conflicted, when known.</summary>
    public string? RunId { get; }

    /// <summary>The sequence number that conflicted, when known.</summary>
    public long? Sequence { get; }
}
