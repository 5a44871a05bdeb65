using System.Data.Common;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// Stopping the cluster mid-run and redeploying on the same database loses nothing and repeats nothing; run on SQLite
/// and on PostgreSQL by the subclasses.
/// </summary>
public abstract class DurabilityTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new();

    /// <summary>SQL that makes every append to the decision log fail, as a database refusing writes to it would.</summary>
    protected abstract string RefuseDecisionAppends { get; }

    /// <summary>SQL that undoes <see cref="RefuseDecisionAppends"/>.</summary>
    protected abstract string AllowDecisionAppends { get; }

    /// <summary>SQL that, in an open transaction, makes every write of grain state wait until that transaction ends.</summary>
    protected abstract string HoldStateWrites { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _setup.Dispose();
        return Task.CompletedTask;
    }

    protected EngineSetup Setup => _setup;

    [Fact]
    public async Task A_run_waiting_for_its_validation_review_continues_after_a_redeploy_with_an_unbroken_audit_chain()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        await engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
        var before = await engine.Client.GetGrain<IPipelineRunGrain>("run-durable")
            .Start(new StartRunRequest("credit-risk", null, CreditRuns.Parameters, Actors.Alice));
        Assert.Equal(RunStatus.WaitingForUser, before.Status);

        engine = await engine.RestartAsync();
        try
        {
            var run = engine.Client.GetGrain<IPipelineRunGrain>("run-durable");
            var restored = await run.GetView();
            Assert.Equal(before.Version, restored.Version);
            Assert.Equal(before.Tokens.AsEnumerable(), restored.Tokens.AsEnumerable());
            Assert.Equal(before.Model, restored.Model);

            await engine.Client.Complete("run-durable", CreditRuns.ValidationReview, Actors.Vera);
            var done = await engine.Client.Complete("run-durable", CreditRuns.Approval, Actors.Bob);
            Assert.Equal(RunStatus.Completed, done.Status);
            var model = await engine.Client.GetGrain<IModelVersionGrain>(done.Model!.GrainKey).GetView();
            Assert.Equal(ModelLifecycle.Deployed, model!.Lifecycle);

            var audit = await run.VerifyAudit();
            Assert.True(audit.Valid, string.Join("; ", audit.Problems));
            var records = await engine.SiloService<IAuditStore>().ReadAsync("run-durable", CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, (int)done.Version).Select(i => (long)i), records.Select(r => r.Sequence));
            Assert.Equal(done.History.Select(h => h.Sequence), records.Select(r => r.Sequence));
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task Gate_decisions_are_logged_whole_in_their_transition_s_transaction_and_the_stored_run_state_keeps_none_of_them()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        try
        {
            await engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
            var started = await engine.Client.Start("run-decisions");

            var logged = await Task.WhenAll(started.Decisions.Select(d => engine.SiloService<IDecisionStore>().GetAsync(d.DecisionId, CancellationToken.None)));
            Assert.Equal(3, logged.Length);
            Assert.All(logged, d => Assert.Contains("\"purpose\"", d!.InputJson, StringComparison.Ordinal));
            Assert.All(started.Decisions, d => Assert.Empty(d.InputJson));
            var stored = await StoredRunState(engine, "run-decisions");
            Assert.All(logged, d => Assert.DoesNotContain(d!.InputJson, stored, StringComparison.Ordinal));
            // The run's view lists its decisions from the log: the state does not even keep their ids.
            Assert.All(logged, d => Assert.DoesNotContain(d!.DecisionId, stored, StringComparison.Ordinal));
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_transition_whose_decisions_cannot_be_logged_is_not_stored_and_the_run_stays_as_its_last_commit_left_it()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        try
        {
            await engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
            var started = await engine.Client.Start("run-atomic");
            var run = engine.Client.Run("run-atomic");
            await Execute(engine, RefuseDecisionAppends);

            await Assert.ThrowsAnyAsync<Exception>(() => engine.Client.Complete("run-atomic", CreditRuns.ValidationReview, Actors.Vera));

            // Nothing of the sign-off is stored or shown: not its audit record, not its decision, not the new token.
            var refused = await run.GetView();
            Assert.Equal(started.Version, refused.Version);
            Assert.Equal(started.Tokens.AsEnumerable(), refused.Tokens.AsEnumerable());
            Assert.Null((await run.GetGateFacts()).Validator);
            Assert.Equal(started.Decisions.Select(d => d.DecisionId).Order(StringComparer.Ordinal), await LoggedDecisionIds(engine, "run-atomic"));

            await Execute(engine, AllowDecisionAppends);
            var reviewed = await engine.Client.Complete("run-atomic", CreditRuns.ValidationReview, Actors.Vera);
            Assert.Equal(started.Version + 1, reviewed.History.First(h => h.Kind == "task.approved").Sequence);
            Assert.Equal(reviewed.Decisions.Select(d => d.DecisionId).Order(StringComparer.Ordinal), await LoggedDecisionIds(engine, "run-atomic"));
            var audit = await run.VerifyAudit();
            Assert.True(audit.Valid, string.Join("; ", audit.Problems));
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_the_cluster_was_down_fires_when_the_run_is_next_activated()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        await engine.PublishAsync("waiting", Path.Combine(AppContext.BaseDirectory, "Bpmn", "waiting.bpmn"));
        await engine.Client.GetGrain<IPipelineRunGrain>("run-down").Start(
            new StartRunRequest("waiting", null, CreditRuns.Parameters, Actors.Alice));

        await engine.DisposeAsync();
        _setup.Clock.Advance(TimeSpan.FromHours(3));
        engine = await EngineCluster.StartAsync(_setup);
        try
        {
            var run = engine.Client.GetGrain<IPipelineRunGrain>("run-down");
            var done = await Eventually.Until(() => run.GetView(), v => v.Status == RunStatus.Completed, what: "the overdue timer");

            Assert.Single(done.History, h => h.Kind == "timer.fired");
            var audit = await run.VerifyAudit();
            Assert.True(audit.Valid, string.Join("; ", audit.Problems));
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_run_that_completes_in_a_later_activation_leaves_no_reminder_behind()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        await engine.PublishAsync("waiting", Path.Combine(AppContext.BaseDirectory, "Bpmn", "waiting.bpmn"));
        var grainId = engine.Client.GetGrain<IPipelineRunGrain>("run-reminded").GetGrainId();
        await engine.Client.GetGrain<IPipelineRunGrain>("run-reminded").Start(
            new StartRunRequest("waiting", null, CreditRuns.Parameters, Actors.Alice));
        Assert.Single((await engine.SiloService<IReminderTable>().ReadRows(grainId)).Reminders);

        await engine.DisposeAsync();
        _setup.Clock.Advance(TimeSpan.FromHours(3));
        engine = await EngineCluster.StartAsync(_setup);
        try
        {
            var run = engine.Client.GetGrain<IPipelineRunGrain>("run-reminded");
            await Eventually.Until(() => run.GetView(), v => v.Status == RunStatus.Completed, what: "the overdue timer");

            // The new activation never registered the reminder itself, but it must still remove the one it inherited
            // (right after the commit that completed the run): otherwise a finished run is woken every hour for good.
            await Eventually.Until(
                () => engine.SiloService<IReminderTable>().ReadRows(grainId),
                rows => rows.Reminders.Count == 0,
                what: "the completed run's reminder to be removed");
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_view_asked_during_a_state_write_answers_at_once_from_what_is_durable_and_an_audit_check_waits_for_the_write()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        try
        {
            await engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
            var started = await engine.Client.Start("run-verified");
            var run = engine.Client.Run("run-verified");
            await using var connection = await engine.SiloService<DbDataSource>().OpenConnectionAsync();
            await using var hold = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = hold;
            command.CommandText = HoldStateWrites;
            await command.ExecuteNonQueryAsync();

            var reviewing = engine.Client.Complete("run-verified", CreditRuns.ValidationReview, Actors.Vera);
            // While the sign-off's write waits, every read answers without waiting, and with the run as stored. A read that
            // waited for the write would never answer while it is held; 3 s allows for a busy machine (a view reads the audit
            // trail) and keeps the hold under SQLite's 5 s busy timeout, which would fail the held commit.
            var holding = System.Diagnostics.Stopwatch.StartNew();
            var readTimeout = TimeSpan.FromSeconds(3);
            while (holding.Elapsed < TimeSpan.FromSeconds(1))
            {
                var view = await run.GetView().WaitAsync(readTimeout);
                Assert.Equal(started.Version, view.Version);
                Assert.Null((await run.GetGateFacts().WaitAsync(readTimeout)).Validator);
            }

            Assert.False(reviewing.IsCompleted, "The sign-off finished while its state write was held: the test proves nothing.");
            var verifying = run.VerifyAudit();
            await Task.WhenAny(verifying, Task.Delay(TimeSpan.FromMilliseconds(300)));
            Assert.False(verifying.IsCompleted, "The audit check compared the table with a head while a commit was under way.");
            await hold.RollbackAsync();

            var reviewed = await reviewing;
            var audit = await verifying;
            Assert.True(reviewed.Version > started.Version, $"Version {reviewed.Version}, as before the sign-off.");
            Assert.Equal(reviewed.Version, (await run.GetView()).Version);
            Assert.True(audit.Valid, string.Join("; ", audit.Problems));
            Assert.True(audit.RecordCount >= reviewed.Version, $"{audit.RecordCount} records, the run is at {reviewed.Version}.");
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stage_interrupted_by_a_crash_runs_again_after_restart_and_is_recorded_once()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        await engine.PublishAsync("held", Path.Combine(AppContext.BaseDirectory, "Bpmn", "held.bpmn"));
        var starting = engine.Client.GetGrain<IPipelineRunGrain>("run-crash")
            .Start(new StartRunRequest("held", null, CreditRuns.Parameters, Actors.Alice));
        await _setup.Held.Entered.WaitAsync(TimeSpan.FromSeconds(20));

        _setup.Held.Holding = false;
        engine = await engine.CrashAndRestartAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => starting);
        try
        {
            var run = engine.Client.GetGrain<IPipelineRunGrain>("run-crash");
            var done = await Eventually.Until(() => run.GetView(), v => v.Status == RunStatus.Completed, what: "the resumed stage");

            Assert.Equal(2, _setup.Held.Executions.Count);
            Assert.Single(_setup.Held.Executions.Distinct());
            Assert.Single(done.History, h => h.Kind == "stage.completed" && h.Summary.Contains("held", StringComparison.Ordinal));
            var audit = await run.VerifyAudit();
            Assert.True(audit.Valid, string.Join("; ", audit.Problems));
            Assert.Equal(done.Version, audit.RecordCount);
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    private static async Task Execute(EngineCluster engine, string sql)
    {
        await using var connection = await engine.SiloService<DbDataSource>().OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The run's stored state as text (the payload is binary; its strings are UTF-8 in it).</summary>
    private static async Task<string> StoredRunState(EngineCluster engine, string runId)
    {
        await using var connection = await engine.SiloService<DbDataSource>().OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT payload FROM grain_state WHERE grain_id LIKE '%{runId}'";
        var payload = (byte[])(await command.ExecuteScalarAsync())!;
        return System.Text.Encoding.UTF8.GetString(payload);
    }

    private static async Task<List<string>> LoggedDecisionIds(EngineCluster engine, string runId) =>
        [.. (await engine.SiloService<IDecisionStore>().QueryAsync(new DecisionQuery(RunId: runId), CancellationToken.None))
            .Select(d => d.DecisionId)
            .Order(StringComparer.Ordinal)];
}
