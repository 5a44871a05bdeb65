using System.Data.Common;
using System.Diagnostics;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// Post-market monitoring (AI Act Art. 72): a report on the live version is a governed decision, and a metric over the
/// monitoring plan's threshold starts exactly one retraining run, which is validated and approved like any release.
/// </summary>
public sealed class MonitoringTests : IAsyncLifetime
{
    private const string DriftRule = "MON-1 population drift within bound";

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IClusterClient Client => _engine.Client;

    [Fact]
    public async Task A_report_within_the_bounds_starts_nothing_and_its_decision_is_in_the_log()
    {
        await Client.Release("run-v1");

        var outcome = await Client.Monitor().Report(Monitoring.Report(1, "2026-11", ("drift", 0.08), ("auc", 0.79)));

        Assert.Equal((MonitoringOutcomeKind.Allowed, (string?)null), (outcome.Outcome, outcome.RetrainingRunId));
        Assert.Empty(outcome.FailedRules);
        var view = await Client.Monitor().GetView();
        Assert.Equal((null, 0), (view.OpenRetrainingRunId, view.RetrainingRunsStarted));
        var kept = Assert.Single(view.Reports);
        Assert.Equal((outcome.ReportId, outcome.DecisionId, 0.08), (kept.ReportId, kept.DecisionId, kept.Metrics["drift"]));
        var decision = await _engine.SiloService<IDecisionStore>().GetAsync(outcome.DecisionId, CancellationToken.None);
        Assert.NotNull(decision);
        Assert.Equal(("monitor", "run-v1", GateOutcome.Allowed), (decision.Transition, decision.RunId, decision.Outcome));
        Assert.Contains(decision.RuleSets, r => r.RuleSetId == "model-monitoring");
        Assert.Contains("\"drift\":0.08", decision.InputJson, StringComparison.Ordinal);
        Assert.Equal(RunStatus.NotStarted, (await Client.Run("retrain-credit-risk-production-1").GetView()).Status);
    }

    [Fact]
    public async Task A_view_asked_while_a_report_is_being_written_answers_at_once_and_never_shows_the_report_before_it_is_durable()
    {
        await Client.Release("run-v1");
        await using var connection = await _engine.SiloService<DbDataSource>().OpenConnectionAsync();
        await using var hold = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            // Every state write waits until this write transaction ends.
            command.Transaction = hold;
            command.CommandText = "DELETE FROM grain_state WHERE 0";
            await command.ExecuteNonQueryAsync();
        }

        var reporting = Client.Monitor().Report(Monitoring.Report(1, "2026-11", ("drift", 0.08)));
        var holding = Stopwatch.StartNew();
        while (holding.Elapsed < TimeSpan.FromSeconds(1))
        {
            // Regression: the view answered during the write with the report it was still writing.
            Assert.Empty((await Client.Monitor().GetView().WaitAsync(TimeSpan.FromSeconds(1))).Reports);
        }

        Assert.False(reporting.IsCompleted, "The report finished while its state write was held: the test proves nothing.");
        await hold.RollbackAsync();
        var outcome = await reporting;
        Assert.Equal(outcome.ReportId, Assert.Single((await Client.Monitor().GetView()).Reports).ReportId);
    }

    [Fact]
    public async Task Drift_over_the_bound_starts_exactly_one_retraining_run_however_often_and_across_a_restart()
    {
        await Client.Release("run-v1");

        var first = await Client.Monitor().Report(Monitoring.Report(1, "2026-11", ("drift", 0.31), ("auc", 0.79)));
        var again = await Client.Monitor().Report(Monitoring.Report(1, "2026-11-b", ("drift", 0.33)));
        _engine = await _engine.RestartAsync();
        var afterRestart = await Client.Monitor().Report(Monitoring.Report(1, observationId: null, ("drift", 0.35)));

        const string retraining = "retrain-credit-risk-production-1";
        Assert.Equal((MonitoringOutcomeKind.RetrainingStarted, retraining), (first.Outcome, first.RetrainingRunId));
        Assert.Equal([DriftRule], first.FailedRules.AsEnumerable());
        Assert.Equal((MonitoringOutcomeKind.RetrainingAlreadyOpen, retraining), (again.Outcome, again.RetrainingRunId));
        Assert.Equal((MonitoringOutcomeKind.RetrainingAlreadyOpen, retraining), (afterRestart.Outcome, afterRestart.RetrainingRunId));
        Assert.Equal(RunStatus.NotStarted, (await Client.Run("retrain-credit-risk-production-2").GetView()).Status);
        var view = await Client.Monitor().GetView();
        Assert.Equal((retraining, 1, 3), (view.OpenRetrainingRunId, view.RetrainingRunsStarted, view.Reports.Length));

        var run = await Client.Run(retraining).GetView();
        Assert.Equal(RunStatus.WaitingForUser, run.Status);
        Assert.Equal(CreditRuns.ValidationReview, Assert.Single(run.OpenTasks).TaskId);
        Assert.Equal("system:monitor", run.StartedBy?.Id);
        var trigger = run.Parameters["trigger"].ToString();
        Assert.Contains(DriftRule, trigger, StringComparison.Ordinal);
        Assert.Contains(first.ReportId, trigger, StringComparison.Ordinal);
        Assert.Contains(first.DecisionId, trigger, StringComparison.Ordinal);
        Assert.Equal(CreditRuns.Parameters["purpose"], run.Parameters["purpose"]);
        Assert.Equal(CreditRuns.Parameters["threshold.auc.min"], run.Parameters["threshold.auc.min"]);

        var started = (await _engine.SiloService<IAuditStore>().ReadAsync(retraining, CancellationToken.None))[0];
        Assert.Equal(("run.started", "system:monitor"), (started.Kind, started.Actor));
        Assert.Contains(DriftRule, started.PayloadJson, StringComparison.Ordinal);
        Assert.True((await Client.Run(retraining).VerifyAudit()).Valid);
    }

    [Fact]
    public async Task A_repeated_observation_is_judged_once()
    {
        await Client.Release("run-v1");

        var first = await Client.Monitor().Report(Monitoring.Report(1, "batch-7", ("drift", 0.31)));
        var repeated = await Client.Monitor().Report(Monitoring.Report(1, "batch-7", ("drift", 0.31)));

        Assert.Equal((first.ReportId, first.DecisionId, first.RetrainingRunId), (repeated.ReportId, repeated.DecisionId, repeated.RetrainingRunId));
        Assert.Single((await Client.Monitor().GetView()).Reports);
        Assert.Equal(1, (await Client.Monitor().GetView()).RetrainingRunsStarted);
    }

    [Fact]
    public async Task The_retraining_run_needs_independent_people_and_once_finished_a_new_failure_starts_a_second()
    {
        await Client.Release("run-v1");
        var first = await Client.Monitor().Report(Monitoring.Report(1, observationId: null, ("auc", 0.61)));
        var retraining = first.RetrainingRunId!;
        var engineAsValidator = new Actor("system:monitor", ["validator", "approver"], "model-validation");

        var refused = await Assert.ThrowsAsync<RunException>(() => Client.Complete(retraining, CreditRuns.ValidationReview, engineAsValidator));
        Assert.Equal(RunErrorCode.NotPermitted, refused.Code);
        await Client.Complete(retraining, CreditRuns.ValidationReview, Actors.Vera);
        var whileWaiting = await Client.Monitor().Report(Monitoring.Report(1, observationId: null, ("auc", 0.60)));
        var done = await Client.Complete(retraining, CreditRuns.Approval, Actors.Bob);

        Assert.Equal(MonitoringOutcomeKind.RetrainingAlreadyOpen, whileWaiting.Outcome);
        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(2, (await Client.Environment("production").GetView()).LiveVersion);
        var stale = await Assert.ThrowsAsync<MonitoringException>(() => Client.Monitor().Report(Monitoring.Report(1, observationId: null, ("auc", 0.60))));
        Assert.Equal(MonitoringErrorCode.NotLive, stale.Code);

        var second = await Client.Monitor().Report(Monitoring.Report(2, observationId: null, ("auc", 0.62)));

        Assert.Equal((MonitoringOutcomeKind.RetrainingStarted, "retrain-credit-risk-production-2"), (second.Outcome, second.RetrainingRunId));
        Assert.Equal(RunStatus.WaitingForUser, (await Client.Run(second.RetrainingRunId!).GetView()).Status);
        Assert.Equal(2, (await Client.Monitor().GetView()).RetrainingRunsStarted);
    }

    [Fact]
    public async Task Reports_on_a_version_not_live_or_with_unusable_metrics_are_refused_and_not_kept()
    {
        var nothingLive = await Assert.ThrowsAsync<MonitoringException>(() => Client.Monitor().Report(Monitoring.Report(1, observationId: null, ("drift", 0.5))));
        await Client.Release("run-v1");
        var wrongVersion = await Assert.ThrowsAsync<MonitoringException>(() => Client.Monitor().Report(Monitoring.Report(3, observationId: null, ("drift", 0.5))));
        var notANumber = await Assert.ThrowsAsync<MonitoringException>(() => Client.Monitor().Report(Monitoring.Report(1, observationId: null, ("drift", double.NaN))));
        var empty = await Assert.ThrowsAsync<MonitoringException>(() => Client.Monitor().Report(Monitoring.Report(1)));

        Assert.Equal(MonitoringErrorCode.NotLive, nothingLive.Code);
        Assert.Contains("No version of 'credit-risk' is live in production", nothingLive.Message, StringComparison.Ordinal);
        Assert.Equal(MonitoringErrorCode.NotLive, wrongVersion.Code);
        Assert.Contains("version 1 is", wrongVersion.Message, StringComparison.Ordinal);
        Assert.Equal((MonitoringErrorCode.InvalidReport, MonitoringErrorCode.InvalidReport), (notANumber.Code, empty.Code));
        Assert.StartsWith("metrics.drift:", notANumber.Message, StringComparison.Ordinal);
        Assert.StartsWith("metrics:", empty.Message, StringComparison.Ordinal);
        Assert.Empty((await Client.Monitor().GetView()).Reports);
    }
}
