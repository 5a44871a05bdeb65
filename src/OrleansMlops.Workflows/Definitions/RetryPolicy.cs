namespace OrleansMlops.Workflows;

/// <summary>How a failed stage is retried: up to <paramref name="MaxRetries"/> extra attempts, with doubling backoff.</summary>
public sealed record RetryPolicy(int MaxRetries, TimeSpan Backoff)
{
    public static readonly TimeSpan DefaultBackoff = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Doubling stops here: beyond an hour, waiting longer rarely helps a failed stage and only delays the person
    /// who has to look at it.
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    public static RetryPolicy None { get; } = new(0, DefaultBackoff);

    /// <summary>The wait before the retry that follows failed attempt <paramref name="attempt"/> (0 for the first).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        // Past 2^20 every delay exceeds the cap anyway; stopping the exponent there keeps the arithmetic in range.
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 20));
        var ticks = Backoff.Ticks * factor;
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
