namespace OrleansMlops.Grains;

/// <summary>
/// The clock of workflow time: timestamps, BPMN timers, retry backoff. Kept apart from the TimeProvider the Orleans
/// runtime uses for its own housekeeping, so tests can move workflow time with a fake clock without stalling the silo.
/// </summary>
public sealed class EngineClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow();
}
