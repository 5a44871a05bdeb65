namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>Where a job stands: open (and who holds it until when), completed by whom, or failed and why.</summary>
public sealed record ExternalJobView(
    ExternalJob Job,
    ExternalJobState State,
    string? LockedBy,
    DateTimeOffset? LockExpiresAt,
    DateTimeOffset AvailableAt,
    int? RetriesLeft,
    string? CompletedBy,
    string? Error,
    bool Delivered);
