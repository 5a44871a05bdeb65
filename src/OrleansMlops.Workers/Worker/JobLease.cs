namespace OrleansMlops.Workers;

/// <summary>What this worker knows about its lock on one job: until when it holds it, and whether it lost it.</summary>
internal sealed class JobLease(DateTimeOffset expiresAt)
{
    private long _expiresAtTicks = expiresAt.UtcTicks;
    private volatile bool _lost;

    public DateTimeOffset ExpiresAt
    {
        get => new(Interlocked.Read(ref _expiresAtTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _expiresAtTicks, value.UtcTicks);
    }

    public bool Lost
    {
        get => _lost;
        set => _lost = value;
    }
}
