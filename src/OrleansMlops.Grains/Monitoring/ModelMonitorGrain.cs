using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions;
using OrleansMlops.Governance.Evaluation;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Grains.Security;

namespace OrleansMlops.Grains.Monitoring;

/// <summary>
/// Post-market monitoring of one model in one environment. Each report on the live version is a <c>monitor</c>
/// decision of the governance gate over the version's facts, the reported metrics and the run that trained it. A
/// failed rule starts one retraining run (see <see cref="RetrainingRequest"/>) unless the one this monitor started last
/// is still open; a governance error starts nothing. The report, its decision and the run it started are written
/// before the run is started, and the run id is deterministic, so a crash in between never starts a second run.
/// </summary>
public sealed partial class ModelMonitorGrain(
    [DurableState("monitor")] IDurableState<ModelMonitorState> state,
    IGovernanceGate gate,
    EnvironmentFacts environments,
    EngineClock clock,
    ILogger<ModelMonitorGrain> logger) : Grain, IModelMonitorGrain
{
    private ModelMonitorState S => state.State;

    private ModelEnvironmentKey Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var slash = key.LastIndexOf('/');
            return new ModelEnvironmentKey(key[..slash], key[(slash + 1)..]);
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.PendingStart is not null)
        {
            // A start a crash interrupted resumes in its own turn, not inside the activation.
            this.RegisterGrainTimer(ResumePendingStart, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public async Task<MonitoringOutcome> Report(MonitoringReport report)
    {
        if (MonitoringLimits.Problem(report) is { } problem)
        {
            throw new MonitoringException(MonitoringErrorCode.InvalidReport, $"{problem.Field}: {problem.Message}");
        }

        report = report with { ReportedBy = await GrainFactory.Authorize(report.ReportedBy, Permission.ReportMonitoring) };
        await StartPending();
        if (report.ObservationId is { } observation && S.Reports.LastOrDefault(r => r.ObservationId == observation) is { } judged)
        {
            // The same observation again (a retried call): it was judged once, and is not counted twice. Another report
            // under its id is a mistake the caller must hear of, not an answer about something else.
            return IsSameReport(judged, report)
                ? judged
                : throw new MonitoringException(
                    MonitoringErrorCode.ObservationReused,
                    $"observationId '{observation}' was reported before on version {judged.Version} with other metrics; "
                    + "send a new observationId for a new observation.");
        }

        var model = await LiveVersion(report.Version);
        var decision = await Decide(model, report);
        var reportId = $"{Key.GrainKey}/{S.Sequence + 1}";
        var failed = decision.Results.Where(r => !r.Passed).Select(r => r.RuleName).Distinct().ToImmutableArray();
        var outcome = new MonitoringOutcome(
            reportId, Key.ModelName, Key.Environment, report.Version, report.Metrics, report.ObservationId, report.ReportedBy.Id,
            decision.EvaluatedAt, MonitoringOutcomeKind.Allowed, decision.DecisionId, failed, RetrainingRunId: null, decision.Error);
        outcome = decision.Outcome switch
        {
            GateOutcome.Allowed => outcome,
            GateOutcome.Blocked when await RetrainingOpen() => outcome with
            {
                Outcome = MonitoringOutcomeKind.RetrainingAlreadyOpen,
                RetrainingRunId = S.OpenRetrainingRunId,
            },
            GateOutcome.Blocked => await PlanRetraining(outcome, model),
            _ => outcome with { Outcome = MonitoringOutcomeKind.GovernanceError },
        };

        S.Sequence++;
        S.Reports.Add(outcome);
        if (S.Reports.Count > MonitoringLimits.KeptReports)
        {
            S.Reports.RemoveRange(0, S.Reports.Count - MonitoringLimits.KeptReports);
        }

        await state.CommitAsync(audit: [], decisions: [decision]);
        MonitorLog.Judged(logger, Key.GrainKey, reportId, model.Key, Key.Environment, outcome.Outcome, decision.DecisionId);
        return await StartPending() ?? outcome;
    }

    private static bool IsSameReport(MonitoringOutcome judged, MonitoringReport report) =>
        judged.Version == report.Version
        && judged.Metrics.Count == report.Metrics.Count
        && report.Metrics.All(m => judged.Metrics.TryGetValue(m.Key, out var value) && value.Equals(m.Value));

    // Interleaved with a report, a view reads the committed state: it never shows a report that is not yet durable.
    public Task<MonitoringView> GetView()
    {
        var committed = state.Committed;
        return Task.FromResult(new MonitoringView(
            Key.ModelName, Key.Environment, committed.OpenRetrainingRunId, committed.RetrainingRunsStarted, [.. committed.Reports]));
    }

    /// <summary>The version the report names, which must be the one live in the environment now.</summary>
    private async Task<ModelVersionView> LiveVersion(int version)
    {
        var key = Key;
        var live = (await GrainFactory.GetGrain<IModelEnvironmentGrain>(key.GrainKey).GetView()).LiveVersion;
        if (live != version)
        {
            throw new MonitoringException(
                MonitoringErrorCode.NotLive,
                live is { } current
                    ? $"Version {version} of '{key.ModelName}' is not live in {key.Environment}; version {current} is. Report on the live version."
                    : $"No version of '{key.ModelName}' is live in {key.Environment}; there is nothing to monitor.");
        }

        return await GrainFactory.GetGrain<IModelVersionGrain>(new ModelVersionKey(key.ModelName, version).GrainKey).GetView()
            ?? throw new InvalidOperationException($"{key.ModelName}/{version} is live in {key.Environment} but not registered.");
    }

    private async Task<GateDecision> Decide(ModelVersionView model, MonitoringReport report)
    {
        var now = clock.UtcNow;
        GateInput? input = null;
        try
        {
            var owner = await GrainFactory.GetGrain<IPipelineRunGrain>(model.OwnerRunId).GetGateFacts();
            input = GateInputFactory.ForMonitoring(owner, model, report.Metrics, report.ReportedBy, environments.For(Key.Environment), now);
            return await gate.EvaluateAsync(model.OwnerRunId, nodeId: null, input, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The facts could not be gathered or the gate did not answer: a governance error, which starts nothing.
            return new GateDecision(
                TimeOrderedId.New(now),
                model.OwnerRunId,
                TransitionName.Monitor,
                NodeId: null,
                GateOutcome.Error,
                [],
                [],
                input is null ? "null" : GateInputJson.Serialize(input),
                now,
                0,
                $"governance error: {e.Message}");
        }
    }
}
