namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>A job a worker fetched: it is that worker's until <paramref name="LockExpiresAt"/> unless it extends the lock.</summary>
[GenerateSerializer, Immutable, Alias("mlops.locked-job")]
public sealed record LockedJob(
    [property: Id(0)] ExternalJob Job,
    [property: Id(1)] string WorkerId,
    [property: Id(2)] DateTimeOffset LockExpiresAt,
    [property: Id(3)] int? RetriesLeft);
