namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>
/// A job a worker fetched: its own until <paramref name="LockExpiresAt"/> unless the lock is extended.
/// <paramref name="RetriesLeft"/> is null until a worker first reported a failure, then what that report left.
/// </summary>
public sealed record LockedJob(ExternalJob Job, string WorkerId, DateTimeOffset LockExpiresAt, int? RetriesLeft);
