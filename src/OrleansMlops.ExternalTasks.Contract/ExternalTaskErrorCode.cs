namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>The <c>code</c> the engine puts in a refused external task command's problem document (the member name as written).</summary>
public enum ExternalTaskErrorCode
{
    /// <summary>No job has this id on this topic.</summary>
    NotFound,

    /// <summary>This worker does not hold the job's lock (never fetched, another worker holds it, or it expired).</summary>
    NotLocked,

    /// <summary>The job already ended another way (completed by another worker, or failed).</summary>
    Ended,

    /// <summary>The request itself is wrong (a bad duration, a non-finite metric, too many variables…).</summary>
    InvalidRequest,
}
