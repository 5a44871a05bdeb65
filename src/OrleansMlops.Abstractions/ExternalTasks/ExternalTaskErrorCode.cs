using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>Why the queue refused a worker's command; the names are the <c>code</c>s of the wire contract's ExternalTaskErrorCode.</summary>
public enum ExternalTaskErrorCode
{
    /// <summary>No job has this id on this topic.</summary>
    [Failure(FailureKind.NotFound, "Job not found")]
    NotFound,

    /// <summary>The worker does not hold the job's lock (never fetched it, another worker holds it, or it expired).</summary>
    [Failure(FailureKind.Conflict, "Job not locked by this worker")]
    NotLocked,

    /// <summary>The job already ended another way (completed by another worker, or failed).</summary>
    [Failure(FailureKind.Conflict, "Job already ended")]
    Ended,

    /// <summary>The request itself is wrong (a bad duration, a non-finite metric, too many variables…).</summary>
    [Failure(FailureKind.Invalid, "Invalid request")]
    InvalidRequest,
}
