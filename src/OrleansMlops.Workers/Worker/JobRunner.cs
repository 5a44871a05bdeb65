using Microsoft.Extensions.Logging;

namespace OrleansMlops.Workers;

/// <summary>
/// Runs one locked job: keeps its lock while the handler works, then completes it with the handler's result or
/// reports the handler's exception as a failure (retries decreasing, back-off doubling). A job another worker took
/// over is dropped, never fought over; a report that fails transiently is tried again while the lock lasts.
/// </summary>
internal sealed class JobRunner(ExternalTaskClient client, ExternalTaskWorkerOptions options, TimeProvider time, ILogger logger)
{
    private const int MaxErrorMessage = 2_000;

    /// <summary>Extending at a third of the lock leaves a second chance when one extension fails.</summary>
    public TimeSpan ExtendInterval => options.LockDuration / 3;

    public async Task RunAsync(LockedJob locked, IExternalTaskHandler handler, CancellationToken stopping)
    {
        var job = locked.Job;
        try
        {
            WorkerLog.JobStarted(logger, job.JobId, job.RunId, job.Topic, job.Attempt);
            var lease = new JobLease(locked.LockExpiresAt);
            var (result, failure) = await HandleKeepingLock(locked, handler, lease, stopping);
            if (lease.Lost)
            {
                return;
            }

            if (result is null && failure is null)
            {
                WorkerLog.JobAbandoned(logger, job.JobId);
            }
            else if (result is not null)
            {
                await Complete(locked, result, lease, stopping);
            }
            else
            {
                await Fail(locked, failure!, lease, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            WorkerLog.JobAbandoned(logger, job.JobId);
        }
        catch (GaveUpException)
        {
            // Logged where it gave up, with the last error.
        }
        catch (Exception e)
        {
            WorkerLog.JobError(logger, e, job.JobId);
        }
    }

    private async Task<(ExternalTaskResult? Result, Exception? Failure)> HandleKeepingLock(
        LockedJob locked, IExternalTaskHandler handler, JobLease lease, CancellationToken stopping)
    {
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var keeping = new CancellationTokenSource();
        var keepAlive = KeepLock(locked.Job, lease, work, keeping.Token);
        try
        {
            var result = await handler.HandleAsync(new ExternalTaskContext(locked), work.Token);
            return result is null
                ? (null, new InvalidOperationException($"Handler {handler.GetType().Name} returned no result."))
                : (result, null);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // Stopping, or the lock was lost: the job is the engine's again, there is nothing to report.
            return (null, null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
        finally
        {
            await keeping.CancelAsync();
            await keepAlive;
        }
    }

    private async Task KeepLock(ExternalJob job, JobLease lease, CancellationTokenSource work, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ExtendInterval, time, stop);
                try
                {
                    var extended = await client.ExtendLockAsync(job, options.LockDuration, stop);
                    lease.ExpiresAt = extended.LockExpiresAt;
                    WorkerLog.LockExtended(logger, job.JobId, extended.LockExpiresAt);
                }
                catch (ExternalTaskClientException e) when (!e.IsTransient)
                {
                    // Another worker holds it, it ended, or it is gone: stop the handler, its work would be thrown away.
                    lease.Lost = true;
                    WorkerLog.JobLost(logger, job.JobId, e.Detail ?? e.Title);
                    await work.CancelAsync();
                    return;
                }
                catch (Exception e) when (Transient.Is(e, stop))
                {
                    WorkerLog.ExtendFailed(logger, e, job.JobId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task Complete(LockedJob locked, ExternalTaskResult result, JobLease lease, CancellationToken stopping)
    {
        try
        {
            var outcome = await Reliably(locked.Job, lease, () => client.CompleteAsync(locked.Job, result), stopping);
            WorkerLog.JobCompleted(logger, locked.Job.JobId, outcome);
        }
        catch (ExternalTaskClientException e) when (e.IsJobLost)
        {
            WorkerLog.JobLost(logger, locked.Job.JobId, e.Detail ?? e.Title);
        }
        catch (ExternalTaskClientException e) when (e.Code == ExternalTaskErrorCode.InvalidRequest || e.Status == System.Net.HttpStatusCode.BadRequest)
        {
            // The result itself is wrong (a non-finite metric, a bad variable): a handler bug the engine should see as a failure.
            WorkerLog.ResultRefused(logger, locked.Job.JobId, e.Detail);
            await Fail(locked, new InvalidOperationException($"The engine refused the result: {e.Detail ?? e.Title}", e), lease, stopping);
        }
    }

    private async Task Fail(LockedJob locked, Exception failure, JobLease lease, CancellationToken stopping)
    {
        var retries = RetryPolicy.RetriesAfterFailure(locked.RetriesLeft, options.MaxRetries);
        var retryAfter = RetryPolicy.FailureBackoff(options.RetryBackoff, options.MaxRetries, retries);
        var message = $"{failure.GetType().Name}: {failure.Message}";
        if (message.Length > MaxErrorMessage)
        {
            message = message[..MaxErrorMessage];
        }

        try
        {
            await Reliably(
                locked.Job,
                lease,
                async () =>
                {
                    await client.FailAsync(locked.Job, message, retries, retryAfter);
                    return true;
                },
                stopping);
            WorkerLog.JobFailed(logger, failure, locked.Job.JobId, retries, retryAfter);
        }
        catch (ExternalTaskClientException e) when (e.IsJobLost)
        {
            WorkerLog.JobLost(logger, locked.Job.JobId, e.Detail ?? e.Title);
        }
    }

    /// <summary>
    /// Sends a report, trying again after transient errors while the lock lasts. The send itself is not cancelled when
    /// the worker stops: the work is done, and telling the engine is worth the moment it takes.
    /// </summary>
    private async Task<T> Reliably<T>(ExternalJob job, JobLease lease, Func<Task<T>> send, CancellationToken stopping)
    {
        for (var errors = 0; ; errors++)
        {
            try
            {
                return await send();
            }
            catch (Exception e) when (Transient.Is(e, CancellationToken.None))
            {
                var delay = RetryPolicy.TransientBackoff(options.RetryBackoff, errors);
                if (time.GetUtcNow() + delay >= lease.ExpiresAt)
                {
                    WorkerLog.ReportGaveUp(logger, e, job.JobId);
                    throw new GaveUpException();
                }

                WorkerLog.ReportRetrying(logger, e, job.JobId, delay);
                await Task.Delay(delay, time, stopping);
            }
        }
    }

    private sealed class GaveUpException : Exception;
}
