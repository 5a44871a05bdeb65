using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Workers;

/// <summary>
/// The worker loop: long-polls the engine for jobs of the registered handlers' topics, fetching only as many as it has
/// free slots (<see cref="ExternalTaskWorkerOptions.MaxTasks"/>), and runs each with a <see cref="JobRunner"/>. A fetch
/// that fails backs off (doubling) and tries again; stopping leaves running jobs to finish or be abandoned.
/// </summary>
public sealed class ExternalTaskWorker(
    ExternalTaskClient client,
    IEnumerable<IExternalTaskHandler> handlers,
    IOptions<ExternalTaskWorkerOptions> options,
    TimeProvider time,
    ILogger<ExternalTaskWorker> logger) : BackgroundService
{
    private readonly ExternalTaskWorkerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byTopic = ByTopic(handlers);
        var topics = byTopic.Keys.Order(StringComparer.Ordinal).ToArray();
        var runner = new JobRunner(client, _options, time, logger);
        using var slots = new SemaphoreSlim(_options.MaxTasks, _options.MaxTasks);
        var running = new List<Task>();
        var errors = 0;
        WorkerLog.Started(logger, _options.WorkerId, string.Join(", ", topics), _options.MaxTasks);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < _options.MaxTasks && slots.Wait(0, stoppingToken))
                {
                    free++;
                }

                IReadOnlyList<LockedJob> jobs;
                try
                {
                    jobs = await client.FetchAndLockAsync(topics, free, _options.LockDuration, _options.LongPollTimeout, stoppingToken);
                    errors = 0;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    slots.Release(free);
                    var delay = RetryPolicy.TransientBackoff(_options.RetryBackoff, errors++);
                    LogFetchError(e, delay);
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }

                if (jobs.Count < free)
                {
                    slots.Release(free - jobs.Count);
                }

                running.RemoveAll(t => t.IsCompleted);
                foreach (var locked in jobs)
                {
                    running.Add(Run(locked, byTopic, runner, slots, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running);
        }
    }

    private Task Run(LockedJob locked, Dictionary<string, IExternalTaskHandler> byTopic, JobRunner runner, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        if (!byTopic.TryGetValue(locked.Job.Topic, out var handler))
        {
            WorkerLog.NoHandler(logger, locked.Job.JobId, locked.Job.Topic);
            slots.Release();
            return Task.CompletedTask;
        }

        // Off the loop's thread, so a handler that blocks before its first await does not stop the polling.
        return Task.Run(
            async () =>
            {
                try
                {
                    await runner.RunAsync(locked, handler, stoppingToken);
                }
                finally
                {
                    slots.Release();
                }
            },
            CancellationToken.None);
    }

    private void LogFetchError(Exception e, TimeSpan delay)
    {
        if (e is ExternalTaskClientException { IsTransient: false } refusal)
        {
            // A refusal repeats until someone fixes the configuration; it is an error, but the worker stays up for the fix.
            WorkerLog.FetchRefused(logger, (int)refusal.Status, refusal.Title, refusal.Detail, delay);
        }
        else
        {
            WorkerLog.FetchFailed(logger, e, delay);
        }
    }

    private static Dictionary<string, IExternalTaskHandler> ByTopic(IEnumerable<IExternalTaskHandler> handlers)
    {
        var byTopic = new Dictionary<string, IExternalTaskHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byTopic.TryAdd(handler.Topic, handler))
            {
                throw new InvalidOperationException(
                    $"Topic '{handler.Topic}' has two handlers: {byTopic[handler.Topic].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        return byTopic.Count > 0
            ? byTopic
            : throw new InvalidOperationException("The external task worker has no handlers: register one with AddExternalTaskHandler<T>().");
    }
}
