namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>Where a job stands: open (and who holds it until when), completed by whom, or failed and why.</summary>
[GenerateSerializer, Immutable, Alias("mlops.external-job-view")]
public sealed record ExternalJobView(
    [property: Id(0)] ExternalJob Job,
    [property: Id(1)] ExternalJobState State,
    [property: Id(2)] string? LockedBy,
    [property: Id(3)] DateTimeOffset? LockExpiresAt,
    [property: Id(4)] DateTimeOffset AvailableAt,
    [property: Id(5)] int? RetriesLeft,
    [property: Id(6)] string? CompletedBy,
    [property: Id(7)] string? Error,
    [property: Id(8)] bool Delivered);
