using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>
/// The jobs of one topic (key: the topic) and who holds which. Workers fetch and lock, extend, complete or fail; a lock
/// that expires returns the job to the queue; a completion is recorded here before it is delivered to the run, so a
/// duplicate is recognised and a failed delivery is repeated.
/// </summary>
[Alias("mlops.IExternalTaskQueueGrain")]
public interface IExternalTaskQueueGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the job; a job already known (same id) is left as it is. One-way, because runs enqueue while the queue may
    /// be delivering to them; a run sends its open jobs again whenever it activates.
    /// </summary>
    [Alias("Enqueue")]
    [Orleans.Concurrency.OneWay]
    Task Enqueue(ExternalJob job);

    /// <summary>Locks up to <paramref name="maxJobs"/> available jobs, oldest first, for <paramref name="lockDuration"/>.</summary>
    [Alias("FetchAndLock")]
    Task<ImmutableArray<LockedJob>> FetchAndLock(string workerId, int maxJobs, TimeSpan lockDuration);

    [Alias("ExtendLock")]
    Task<LockedJob> ExtendLock(string jobId, string workerId, TimeSpan lockDuration);

    [Alias("Complete")]
    Task<JobCompletionOutcome> Complete(string jobId, JobCompletion completion);

    /// <summary>
    /// The worker could not do the job: with <paramref name="retries"/> left it returns to the queue after
    /// <paramref name="retryAfter"/>; with none the run's stage fails (and the run retries it as its BPMN says). The
    /// count only goes down: at most 10 the first time, then at most one less than the job has left.
    /// </summary>
    [Alias("Fail")]
    Task Fail(string jobId, string workerId, string error, int retries, TimeSpan retryAfter);

    /// <summary>Where the job stands, or null when the topic has no such job.</summary>
    [Alias("Find")]
    Task<ExternalJobView?> Find(string jobId);
}
