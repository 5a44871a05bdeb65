using OrleansMlops.Abstractions.ExternalTasks;

namespace OrleansMlops.Grains.ExternalTasks;

/// <summary>A job in its topic's queue with who holds it, until when, and how it ended.</summary>
[GenerateSerializer, Alias("mlops.queued-job")]
public sealed class QueuedJob
{
    [Id(0)]
    public required ExternalJob Job { get; init; }

    [Id(1)]
    public ExternalJobState State { get; set; }

    [Id(2)]
    public string? LockedBy { get; set; }

    [Id(3)]
    public DateTimeOffset? LockExpiresAt { get; set; }

    /// <summary>Not handed out before this time (a worker's retry back-off).</summary>
    [Id(4)]
    public DateTimeOffset AvailableAt { get; set; }

    [Id(5)]
    public int? RetriesLeft { get; set; }

    [Id(6)]
    public JobCompletion? Completion { get; set; }

    [Id(7)]
    public string? Error { get; set; }

    /// <summary>The run has the outcome (completion or failure); until then delivery is repeated.</summary>
    [Id(8)]
    public bool Delivered { get; set; }

    /// <summary>When it was completed or finally failed (null while open).</summary>
    [Id(9)]
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsAvailable(DateTimeOffset now) =>
        State == ExternalJobState.Open && AvailableAt <= now && (LockedBy is null || LockExpiresAt <= now);

    public bool IsLockedBy(string workerId, DateTimeOffset now) =>
        State == ExternalJobState.Open && LockedBy == workerId && LockExpiresAt > now;

    public ExternalJobView View() =>
        new(Job, State, LockedBy, LockExpiresAt, AvailableAt, RetriesLeft, Completion?.WorkerId, Error, Delivered);
}
