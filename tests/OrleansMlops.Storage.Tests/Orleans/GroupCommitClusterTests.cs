using System.Diagnostics;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// A real silo over SQLite with grain state and reminders written through group commit, as the host runs.
/// Kept in one class so clusters start one at a time.
/// </summary>
public sealed class GroupCommitClusterTests
{
    private const string ServiceId = "orleans-mlops-group-commit-tests";

    private static Task<TestCluster> DeployAsync(string databasePath) =>
        SqliteSiloConfigurator.DeployAsync(ServiceId, databasePath);

    [Fact]
    public async Task Grain_state_survives_a_redeploy_and_clearing_never_reuses_a_version()
    {
        await using var database = TempDatabase.Create();
        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(42);
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => cluster.GrainFactory.GetGrain<ICounterGrain>(1000 + i).Increment($"n{i}")));
            await counter.Increment("one");
            Assert.Equal(2, await counter.Increment("two"));
            await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-7").Write("in the runs storage");
            await cluster.StopAllSilosAsync();
        }

        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(42);
            Assert.Equal("two", (await counter.Get()).Note);
            Assert.Equal("n49", (await cluster.GrainFactory.GetGrain<ICounterGrain>(1049).Get()).Note);
            Assert.Equal("in the runs storage", await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-7").Read());
            Assert.Null(await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-8").Read());

            await counter.Clear();
            Assert.Equal(3, await database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_id LIKE '%/2a' OR grain_id LIKE '%/42'"));
            Assert.Equal(1, await counter.Increment("after clear"));
            await cluster.StopAllSilosAsync();
        }

        Assert.Equal(4, await database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_id LIKE '%/2a' OR grain_id LIKE '%/42'"));
    }

    [Fact]
    public async Task A_database_whose_grain_state_only_orleans_ado_net_wrote_is_refused_instead_of_started_afresh()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        // What Orleans' ADO.NET storage of an earlier version left (its table, reduced to the columns the guard reads).
        await database.ExecuteAsync("CREATE TABLE OrleansStorage (ServiceId TEXT NOT NULL, PayloadBinary BLOB)");
        await database.ExecuteAsync("INSERT INTO OrleansStorage VALUES (@ServiceId, x'01')", new { ServiceId });

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => DeployAsync(database.DatabasePath));

        Assert.Contains($"grain state of service '{ServiceId}' that Orleans' ADO.NET storage wrote", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task A_write_over_a_newer_stored_version_is_a_conflict()
    {
        await using var database = TempDatabase.Create();
        await using var cluster = await DeployAsync(database.DatabasePath);
        var note = cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-1");
        await note.Write("first");

        // Another writer (a split-brain twin) moves the stored version on behind the grain's back.
        await database.ExecuteAsync("UPDATE grain_state SET version = version + 1 WHERE grain_id LIKE '%run-1'");

        await Assert.ThrowsAsync<InconsistentStateException>(() => note.Write("stale"));
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task The_audit_records_decisions_and_index_row_of_a_change_are_stored_in_its_transaction_and_not_in_the_state()
    {
        await using var database = TempDatabase.Create();
        await using var cluster = await DeployAsync(database.DatabasePath);
        var grain = cluster.GrainFactory.GetGrain<IAuditedNoteGrain>("run-a");

        await grain.Add("first");
        await grain.Add("second");

        Assert.Equal(["first", "second"], await grain.CommittedNotes());
        var stored = await new SqlAuditStore(database.DataSource).ReadAsync("run-a", CancellationToken.None);
        Assert.Equal([1L, 2L], stored.Select(r => r.Sequence));
        Assert.True(AuditChainVerifier.Verify("run-a", stored, expectedHeadSequence: 2, expectedHeadHash: stored[^1].Hash).Valid);
        var decisions = await new SqlDecisionStore(database.DataSource, SqlDialect.Sqlite).QueryAsync(new DecisionQuery(RunId: "run-a"), CancellationToken.None);
        Assert.Equal(["run-a-1", "run-a-2"], decisions.Select(d => d.DecisionId).Order(StringComparer.Ordinal));
        Assert.Equal("{\"note\":\"second\"}", decisions.Single(d => d.DecisionId == "run-a-2").InputJson);
        var listed = await new SqlRunIndex(database.DataSource).GetAsync("run-a", CancellationToken.None);
        Assert.Equal(("second", 2L), (listed!.CurrentNodes, listed.Version));

        // What the log and the index hold, the stored state does not repeat.
        var payload = System.Text.Encoding.UTF8.GetString(await database.ScalarAsync<byte[]>("SELECT payload FROM grain_state WHERE grain_id LIKE '%run-a'"));
        Assert.DoesNotContain("run-a-2", payload, StringComparison.Ordinal);
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task A_state_whose_audit_record_forks_the_chain_is_not_stored()
    {
        await using var database = TempDatabase.Create();
        await using var cluster = await DeployAsync(database.DatabasePath);
        var grain = cluster.GrainFactory.GetGrain<IAuditedNoteGrain>("run-b");
        await grain.Add("first");
        var version = await database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_id LIKE '%run-b'");

        // A different record 2 is already in the table: the grain's record 2 would fork the chain.
        var forged = AuditChain.Seal("run-b", 2, "note.added", "mallory", AuditedNoteGrain.At, "{}", AuditChain.GenesisHash);
        await database.WriteAsync(SqlAuditStore.Append([forged]));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => grain.Add("second"));
        Assert.Contains("the chain has forked", error.ToString(), StringComparison.Ordinal);

        Assert.Equal(version, await database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_id LIKE '%run-b'"));
        // The failed commit put the grain back at its committed state: the refused note is gone from memory too.
        Assert.Equal(["first"], await grain.Notes());
        Assert.Equal(["first"], await grain.CommittedNotes());

        // Nor what travelled with it: the second decision and index row went down with the state.
        var decisions = await new SqlDecisionStore(database.DataSource, SqlDialect.Sqlite).QueryAsync(new DecisionQuery(RunId: "run-b"), CancellationToken.None);
        Assert.Equal(["run-b-1"], decisions.Select(d => d.DecisionId));
        Assert.Equal(1L, (await new SqlRunIndex(database.DataSource).GetAsync("run-b", CancellationToken.None))!.Version);
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task Reminders_are_stored_read_removed_and_fire()
    {
        await using var database = TempDatabase.Create();
        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("model-a");
            await grain.Register("retrain");
            await grain.Register("retrain");
            await grain.Register("report");

            Assert.Equal(2, await database.ScalarAsync<long>(
                "SELECT count(*) FROM grain_reminders WHERE service_id = @ServiceId AND grain_id LIKE '%model-a'", new { ServiceId }));
            Assert.Equal(2, await database.ScalarAsync<long>("SELECT version FROM grain_reminders WHERE reminder_name = 'retrain'"));
            Assert.Equal(TimeSpan.FromHours(1).Ticks, await database.ScalarAsync<long>("SELECT period_ticks FROM grain_reminders WHERE reminder_name = 'report'"));
            Assert.Equal(2, await grain.Count());
            await cluster.StopAllSilosAsync();
        }

        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("model-a");
            Assert.True(await grain.Has("report"));

            await grain.Unregister("retrain");

            Assert.False(await grain.Has("retrain"));
            Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM grain_reminders WHERE reminder_name = 'retrain'"));

            var firing = cluster.GrainFactory.GetGrain<IFiringReminderGrain>("model-b");
            await firing.Start("retrain");
            var waiting = Stopwatch.StartNew();
            while (await firing.Ticks() == 0)
            {
                Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), "The reminder did not fire within 30 s.");
                await Task.Delay(100);
            }

            await cluster.StopAllSilosAsync();
        }
    }
}
