namespace OrleansMlops.Workers;

/// <summary>How many retries a failure report grants, and how long the worker waits before a job or call is tried again.</summary>
internal static class RetryPolicy
{
    /// <summary>Transient errors back off at least this long, so a zero-ish configured back-off cannot spin.</summary>
    public static readonly TimeSpan MinTransientBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>An engine that is down for long is polled at this pace, not less often.</summary>
    public static readonly TimeSpan MaxTransientBackoff = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The first failure of a job grants <paramref name="maxRetries"/>; every later one (the engine says how many are
    /// left) grants one fewer, so a job that keeps failing ends, and its stage fails, after maxRetries + 1 attempts.
    /// </summary>
    public static int RetriesAfterFailure(int? retriesLeft, int maxRetries) =>
        retriesLeft is { } left ? Math.Max(left - 1, 0) : maxRetries;

    /// <summary>The first retry waits <paramref name="first"/>; each later one twice as long as the one before.</summary>
    public static TimeSpan FailureBackoff(TimeSpan first, int maxRetries, int retries) =>
        Doubled(first, Math.Max(maxRetries - retries, 0), ExternalTaskWorkerOptions.MaxDuration);

    /// <summary>After <paramref name="consecutiveErrors"/> failed calls in a row (0 for the first).</summary>
    public static TimeSpan TransientBackoff(TimeSpan first, int consecutiveErrors) =>
        Doubled(first < MinTransientBackoff ? MinTransientBackoff : first, consecutiveErrors, MaxTransientBackoff);

    private static TimeSpan Doubled(TimeSpan first, int doublings, TimeSpan cap)
    {
        var ticks = first.Ticks * Math.Pow(2, Math.Min(doublings, 62));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
