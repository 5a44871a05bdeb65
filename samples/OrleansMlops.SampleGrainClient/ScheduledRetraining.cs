using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.SampleGrainClient;

/// <summary>
/// Starts one run of the workflow per period and follows it until it waits for people (the independent validation,
/// the approval) or ends. The run id names the period, and a run grain starts only once, so a service that restarts,
/// or runs twice, never starts a period's retraining twice.
/// </summary>
public sealed class ScheduledRetraining(
    IClusterClient cluster, IOptions<RetrainingOptions> options, TimeProvider time, ILogger<ScheduledRetraining> logger) : BackgroundService
{
    private readonly RetrainingOptions _options = options.Value;

    /// <summary>The run id of the period that contains <paramref name="at"/>.</summary>
    public string RunIdFor(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"scheduled-{_options.WorkflowId}-{PeriodStart(at):yyyyMMdd't'HHmm}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            try
            {
                await StartOnce(RunIdFor(now), stoppingToken);
            }
            catch (RunException refused)
            {
                // The engine said no (unknown workflow, not permitted, invalid parameters): asking again soon changes nothing.
                RetrainingLog.Refused(logger, RunIdFor(now), refused.Code, refused.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The cluster is unreachable or restarting: the same run id makes trying again safe.
                RetrainingLog.Unreachable(logger, e, RunIdFor(now));
                await Task.Delay(_options.PollInterval, time, stoppingToken);
                continue;
            }

            await Task.Delay(PeriodStart(now) + _options.Period - now, time, stoppingToken);
        }
    }

    private async Task StartOnce(string runId, CancellationToken cancellationToken)
    {
        var run = cluster.GetGrain<IPipelineRunGrain>(runId);
        // The period's run already there (started before a restart of this service) is followed, not started again. Starting
        // it again would be safe too: the engine answers the same start with the run it made.
        var view = await run.GetView();
        try
        {
            if (view.Status == RunStatus.NotStarted)
            {
                // Start returns once the run waits or ends; the engine checks StartedBy's roles in its own directory.
                view = await run.Start(new StartRunRequest(_options.WorkflowId, WorkflowVersion: null, Parameters(), new Actor(_options.StartedBy, [], null)));
                RetrainingLog.Started(logger, runId, _options.WorkflowId, view.Workflow?.Version ?? 0);
            }
        }
        catch (RunException e) when (e.Code == RunErrorCode.AlreadyStarted)
        {
            view = await run.GetView();
        }

        while (view.Status is RunStatus.Running or RunStatus.WaitingForWorker)
        {
            await Task.Delay(_options.PollInterval, time, cancellationToken);
            view = await run.GetView();
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var openTasks = string.Join(", ", view.OpenTasks.Select(t => t.TaskId));
            RetrainingLog.Stands(logger, runId, view.Status, view.Model, openTasks);
        }
    }

    private ImmutableDictionary<string, Variable> Parameters() =>
        _options.Text.Select(p => KeyValuePair.Create(p.Key, Variable.Of(p.Value)))
            .Concat(_options.Numbers.Select(p => KeyValuePair.Create(p.Key, Variable.Of(p.Value))))
            .ToImmutableDictionary();

    private DateTimeOffset PeriodStart(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % _options.Period.Ticks), TimeSpan.Zero);
}
