namespace OrleansMlops.Abstractions.ExternalTasks;

public enum ExternalTaskErrorCode
{
    /// <summary>No job has this id on this topic.</summary>
    NotFound,

    /// <summary>The worker does not hold the job's lock (never fetched it, another worker holds it, or it expired).</summary>
    NotLocked,

    /// <summary>The job already ended another way (completed by another worker, or failed).</summary>
    Ended,

    /// <summary>The request itself is wrong (a bad duration, a non-finite metric, too many variables…).</summary>
    InvalidRequest,
}
