using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Grains.Monitoring;

// Starting retraining runs: at most one open at a time, recorded before it is started, started again after a crash.
public sealed partial class ModelMonitorGrain
{
    /// <summary>Whether the retraining run this monitor started last has not finished (blocked and waiting count as open).</summary>
    private async Task<bool> RetrainingOpen()
    {
        if (S.OpenRetrainingRunId is not { } runId)
        {
            return false;
        }

        if (S.PendingStart is not null)
        {
            return true;
        }

        var status = (await GrainFactory.GetGrain<IPipelineRunGrain>(runId).GetView()).Status;
        if (status is RunStatus.Completed or RunStatus.Terminated or RunStatus.Failed or RunStatus.NotStarted)
        {
            S.OpenRetrainingRunId = null;
            return false;
        }

        return true;
    }

    /// <summary>Records the retraining run this report starts; <see cref="StartPending"/> starts it once the record is durable.</summary>
    private async Task<MonitoringOutcome> PlanRetraining(MonitoringOutcome outcome, ModelVersionView model)
    {
        var owner = await GrainFactory.GetGrain<IPipelineRunGrain>(model.OwnerRunId).GetView();
        var trigger = $"monitoring report {outcome.ReportId} on {model.Key} in {Key.Environment} failed "
            + $"{string.Join("; ", outcome.FailedRules)} (decision {outcome.DecisionId})";
        var request = RetrainingRequest.For(owner, trigger);
        var number = S.RetrainingRunsStarted + 1;
        var runId = RetrainingRequest.RunId(Key, number);
        S.RetrainingRunsStarted = number;
        S.OpenRetrainingRunId = runId;
        S.PendingStart = request;
        MonitorLog.RetrainingStarting(logger, Key.GrainKey, runId, model.Key, outcome.DecisionId, trigger);
        return outcome with { Outcome = MonitoringOutcomeKind.RetrainingStarted, RetrainingRunId = runId };
    }

    /// <summary>
    /// Starts the recorded retraining run, if one is pending. A run that already has this id and was started by this
    /// request is the first attempt that got through before a crash. A run that refuses to start (its workflow is gone,
    /// its parameters no longer valid) will not start on another attempt: its report is marked refused, with the reason,
    /// and returned. Anything else (the silo is unavailable) leaves the start pending for the next call.
    /// </summary>
    private async Task<MonitoringOutcome?> StartPending()
    {
        if (S.PendingStart is not { } request || S.OpenRetrainingRunId is not { } runId)
        {
            return null;
        }

        var run = GrainFactory.GetGrain<IPipelineRunGrain>(runId);
        string? refusal = null;
        try
        {
            await run.Start(request);
        }
        catch (RunException e) when (e.Code == RunErrorCode.AlreadyStarted)
        {
            if (!RetrainingRequest.IsStartedBy(await run.GetView(), request))
            {
                refusal = $"run id '{runId}' is taken by a run this monitor did not start.";
            }
        }
        catch (RunException e)
        {
            refusal = e.Message;
        }
        catch (Exception e)
        {
            MonitorLog.PendingStartFailed(logger, e, Key.GrainKey, runId);
            throw;
        }

        S.PendingStart = null;
        MonitoringOutcome? refused = null;
        if (refusal is not null)
        {
            MonitorLog.RetrainingRefused(logger, Key.GrainKey, runId, refusal);
            S.OpenRetrainingRunId = null;
            var index = S.Reports.FindLastIndex(r => r.RetrainingRunId == runId && r.Outcome == MonitoringOutcomeKind.RetrainingStarted);
            if (index >= 0)
            {
                refused = S.Reports[index] with { Outcome = MonitoringOutcomeKind.RetrainingRefused, Error = refusal };
                S.Reports[index] = refused;
            }
        }

        await state.CommitAsync(audit: []);
        return refused;
    }

    private async Task ResumePendingStart(CancellationToken cancellationToken)
    {
        try
        {
            await StartPending();
        }
        catch (Exception)
        {
            // Logged by StartPending; the start stays pending for the next call.
        }
    }
}
