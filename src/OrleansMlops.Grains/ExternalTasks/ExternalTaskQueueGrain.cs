using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Grains.ExternalTasks;

/// <summary>
/// The jobs of one topic. Every change is persisted before it is acknowledged. A completion or final failure is
/// recorded here first and then delivered to the run; a delivery that failed is repeated on activation and before
/// every fetch, and the run ignores one it already applied, so each job's outcome reaches its run exactly once.
/// </summary>
public sealed class ExternalTaskQueueGrain(
    [PersistentState("queue")] IPersistentState<ExternalTaskQueueState> state,
    EngineClock clock,
    ILogger<ExternalTaskQueueGrain> logger) : Grain, IExternalTaskQueueGrain
{
    public const int MaxJobsPerFetch = 100;

    /// <summary>The most retries a worker may ask for; after that each failure may only lower the count.</summary>
    public const int MaxRetries = 10;

    public static readonly TimeSpan MaxLockDuration = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an ended, delivered job is kept to recognise a worker's repeated completion; the run and its audit
    /// trail keep the outcome for good, so the queue's state stays bounded by the work of the last week.
    /// </summary>
    public static readonly TimeSpan EndedJobRetention = TimeSpan.FromDays(7);

    private string Topic => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await DeliverPending();
    }

    public async Task Enqueue(ExternalJob job)
    {
        if (job.Topic != Topic)
        {
            throw new ExternalTaskException(ExternalTaskErrorCode.InvalidRequest, $"Job '{job.JobId}' is for topic '{job.Topic}', not '{Topic}'.");
        }

        if (state.State.Jobs.ContainsKey(job.JobId))
        {
            return;
        }

        Prune();
        state.State.Jobs[job.JobId] = new QueuedJob { Job = job, State = ExternalJobState.Open, AvailableAt = job.CreatedAt };
        await state.WriteStateAsync();
        ExternalTaskLog.Enqueued(logger, Topic, job.JobId, job.RunId);
    }

    public async Task<ImmutableArray<LockedJob>> FetchAndLock(string workerId, int maxJobs, TimeSpan lockDuration)
    {
        RequireWorker(workerId);
        RequireLockDuration(lockDuration);
        if (maxJobs is < 1 or > MaxJobsPerFetch)
        {
            throw new ExternalTaskException(ExternalTaskErrorCode.InvalidRequest, $"maxJobs must be 1 to {MaxJobsPerFetch}; got {maxJobs}.");
        }

        await DeliverPending();
        var now = clock.UtcNow;
        var locked = state.State.Jobs.Values
            .Where(j => j.IsAvailable(now))
            .OrderBy(j => j.AvailableAt).ThenBy(j => j.Job.CreatedAt).ThenBy(j => j.Job.JobId, StringComparer.Ordinal)
            .Take(maxJobs)
            .ToList();
        if (locked.Count == 0)
        {
            return [];
        }

        foreach (var job in locked)
        {
            if (job.LockedBy is { } previous)
            {
                ExternalTaskLog.LockExpired(logger, Topic, job.Job.JobId, previous);
            }

            job.LockedBy = workerId;
            job.LockExpiresAt = now + lockDuration;
        }

        await state.WriteStateAsync();
        return [.. locked.Select(j => new LockedJob(j.Job, workerId, j.LockExpiresAt!.Value, j.RetriesLeft))];
    }

    public async Task<LockedJob> ExtendLock(string jobId, string workerId, TimeSpan lockDuration)
    {
        RequireLockDuration(lockDuration);
        var job = RequireLockedBy(jobId, workerId, "extend its lock");
        job.LockExpiresAt = clock.UtcNow + lockDuration;
        await state.WriteStateAsync();
        return new LockedJob(job.Job, workerId, job.LockExpiresAt.Value, job.RetriesLeft);
    }

    public async Task<JobCompletionOutcome> Complete(string jobId, JobCompletion completion)
    {
        var job = Require(jobId);
        if (job.State == ExternalJobState.Completed && job.Completion?.WorkerId == completion.WorkerId)
        {
            // A repeated completion (a worker retrying after a lost response): acknowledged, applied once.
            await Deliver(job);
            return JobCompletionOutcome.AlreadyCompleted;
        }

        RequireLockedBy(jobId, completion.WorkerId, "complete it");
        if (JobCompletionRules.Problem(completion) is { } problem)
        {
            throw new ExternalTaskException(ExternalTaskErrorCode.InvalidRequest, $"Job '{jobId}' cannot be completed: {problem}.");
        }

        job.State = ExternalJobState.Completed;
        job.Completion = completion;
        job.EndedAt = clock.UtcNow;
        await state.WriteStateAsync();
        ExternalTaskLog.Completed(logger, Topic, jobId, completion.WorkerId);
        await Deliver(job);
        return JobCompletionOutcome.Applied;
    }

    public async Task Fail(string jobId, string workerId, string error, int retries, TimeSpan retryAfter)
    {
        if (retries < 0 || retryAfter < TimeSpan.Zero || retryAfter > MaxLockDuration)
        {
            throw new ExternalTaskException(
                ExternalTaskErrorCode.InvalidRequest, $"retries must be 0 or more and retryAfter 0 to {MaxLockDuration}; got {retries} and {retryAfter}.");
        }

        var job = RequireLockedBy(jobId, workerId, "report its failure");
        job.LockExpiresAt = null;
        job.Error = error;
        // Retries only count down, whatever a worker asks for, so a failing job cannot circle for ever.
        retries = Math.Min(retries, job.RetriesLeft is { } left ? left - 1 : MaxRetries);
        if (retries > 0)
        {
            job.LockedBy = null;
            job.RetriesLeft = retries;
            job.AvailableAt = clock.UtcNow + retryAfter;
            await state.WriteStateAsync();
            ExternalTaskLog.Retrying(logger, Topic, jobId, workerId, retries);
            return;
        }

        job.RetriesLeft = 0;
        job.State = ExternalJobState.Failed;
        job.EndedAt = clock.UtcNow;
        await state.WriteStateAsync();
        ExternalTaskLog.Failed(logger, Topic, jobId, workerId);
        await Deliver(job);
    }

    public Task<ExternalJobView?> Find(string jobId) =>
        Task.FromResult(state.State.Jobs.TryGetValue(jobId, out var job) ? job.View() : null);

    /// <summary>Drops delivered jobs that ended more than <see cref="EndedJobRetention"/> ago (persisted with the next write).</summary>
    private void Prune()
    {
        var cutoff = clock.UtcNow - EndedJobRetention;
        foreach (var id in state.State.Jobs.Where(j => j.Value.Delivered && j.Value.EndedAt < cutoff).Select(j => j.Key).ToList())
        {
            state.State.Jobs.Remove(id);
        }
    }

    private async Task DeliverPending()
    {
        foreach (var job in state.State.Jobs.Values.Where(j => j.State != ExternalJobState.Open && !j.Delivered).ToList())
        {
            await Deliver(job);
        }
    }

    /// <summary>Hands the outcome to the run; on failure it stays undelivered and is repeated later.</summary>
    private async Task Deliver(QueuedJob job)
    {
        if (job.Delivered)
        {
            return;
        }

        try
        {
            var run = GrainFactory.GetGrain<IPipelineRunGrain>(job.Job.RunId);
            _ = job.State == ExternalJobState.Completed
                ? await run.CompleteExternalJob(job.Job.JobId, job.Completion!)
                : await run.FailExternalJob(job.Job.JobId, job.LockedBy!, job.Error!);
            job.Delivered = true;
            await state.WriteStateAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ExternalTaskLog.DeliveryFailed(logger, e, Topic, job.Job.JobId, job.Job.RunId);
        }
    }

    private QueuedJob Require(string jobId) =>
        state.State.Jobs.TryGetValue(jobId, out var job)
            ? job
            : throw new ExternalTaskException(ExternalTaskErrorCode.NotFound, $"Topic '{Topic}' has no job '{jobId}'.");

    private QueuedJob RequireLockedBy(string jobId, string workerId, string action)
    {
        RequireWorker(workerId);
        var job = Require(jobId);
        if (job.State != ExternalJobState.Open)
        {
            throw new ExternalTaskException(
                ExternalTaskErrorCode.Ended,
                $"Job '{jobId}' already {(job.State == ExternalJobState.Completed ? $"completed by '{job.Completion?.WorkerId}'" : "failed")}; '{workerId}' cannot {action}.");
        }

        if (!job.IsLockedBy(workerId, clock.UtcNow))
        {
            var why = job.LockedBy == workerId ? "its lock expired at " + job.LockExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)
                : job.LockedBy is null ? "it is not locked (fetch it first)"
                : $"'{job.LockedBy}' holds it";
            throw new ExternalTaskException(ExternalTaskErrorCode.NotLocked, $"Worker '{workerId}' does not hold job '{jobId}' ({why}); it cannot {action}.");
        }

        return job;
    }

    private static void RequireWorker(string workerId)
    {
        if (string.IsNullOrWhiteSpace(workerId) || workerId.Length > 128)
        {
            throw new ExternalTaskException(ExternalTaskErrorCode.InvalidRequest, "workerId must be 1 to 128 characters.");
        }
    }

    private static void RequireLockDuration(TimeSpan lockDuration)
    {
        if (lockDuration <= TimeSpan.Zero || lockDuration > MaxLockDuration)
        {
            throw new ExternalTaskException(
                ExternalTaskErrorCode.InvalidRequest, $"The lock duration must be more than 0 and at most {MaxLockDuration}; got {lockDuration}.");
        }
    }
}
