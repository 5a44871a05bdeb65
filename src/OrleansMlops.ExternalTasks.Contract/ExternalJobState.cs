namespace OrleansMlops.ExternalTasks.Contract;

public enum ExternalJobState
{
    /// <summary>Waiting for a worker, or locked by one.</summary>
    Open,

    /// <summary>A worker completed it.</summary>
    Completed,

    /// <summary>A worker gave up with no retries left; the run's stage failed.</summary>
    Failed,
}
