using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// Runs a real silo over our SQLite scripts: if a query key, parameter or column did not match what
/// Orleans 10.4.2 sends and reads, these tests fail. Kept in one class so clusters start one at a time.
/// </summary>
public sealed class SqliteClusterTests
{
    private const string ServiceId = "orleans-mlops-storage-tests";

    private static Task<TestCluster> DeployAsync(string databasePath) =>
        SqliteSiloConfigurator.DeployAsync(ServiceId, databasePath, groupCommit: false);

    [Fact]
    public async Task Grain_state_survives_a_redeploy_over_the_same_file()
    {
        await using var database = TempDatabase.Create();

        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(42);
            await counter.Increment("one");
            await counter.Increment("two");
            Assert.Equal(3, await counter.Increment("three"));
            await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-7").Write("in the runs storage");
            await cluster.StopAllSilosAsync();
        }

        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(42);
            var state = await counter.Get();
            Assert.Equal(3, state.Value);
            Assert.Equal("three", state.Note);
            Assert.Equal("in the runs storage", await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-7").Read());
            Assert.Null(await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-8").Read());

            // Clear keeps the row with a NULL payload and a higher version; writing again continues from it.
            await counter.Clear();
            Assert.Equal(1, await counter.Increment("after clear"));
            await cluster.StopAllSilosAsync();
        }

        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            Assert.Equal(1, (await cluster.GrainFactory.GetGrain<ICounterGrain>(42).Get()).Value);
            await cluster.StopAllSilosAsync();
        }

        Assert.Equal(2, await database.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = @ServiceId", new { ServiceId }));
        Assert.Equal(1, await database.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString IS NULL AND GrainIdN1 = 42"));
    }

    [Fact]
    public async Task A_write_over_a_newer_stored_version_is_a_conflict()
    {
        await using var database = TempDatabase.Create();
        await using var cluster = await DeployAsync(database.DatabasePath);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(7);
        await counter.Increment("first");

        // Another writer (a split-brain twin) moves the stored version on behind the grain's back.
        await database.ExecuteAsync("UPDATE OrleansStorage SET Version = Version + 1 WHERE GrainIdN1 = 7");

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment("stale"));
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task Reminders_are_stored_read_and_removed()
    {
        await using var database = TempDatabase.Create();
        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("model-a");
            await grain.Register("retrain");
            await grain.Register("retrain");
            await grain.Register("report");

            Assert.Equal(2, await database.ScalarAsync<long>(
                "SELECT count(*) FROM OrleansRemindersTable WHERE ServiceId = @ServiceId AND GrainId LIKE '%model-a'",
                new { ServiceId }));
            Assert.Equal(1, await database.ScalarAsync<long>(
                "SELECT Version FROM OrleansRemindersTable WHERE ReminderName = 'retrain'"));
            Assert.Equal(3_600_000, await database.ScalarAsync<long>(
                "SELECT Period FROM OrleansRemindersTable WHERE ReminderName = 'report'"));
            Assert.True(await grain.Has("retrain"));
            Assert.Equal(2, await grain.Count());
            await cluster.StopAllSilosAsync();
        }

        await using (var cluster = await DeployAsync(database.DatabasePath))
        {
            var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("model-a");
            Assert.True(await grain.Has("report"));

            await grain.Unregister("retrain");

            Assert.False(await grain.Has("retrain"));
            Assert.Equal(1, await grain.Count());
            Assert.Equal(0, await database.ScalarAsync<long>(
                "SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'retrain'"));
            await cluster.StopAllSilosAsync();
        }
    }
}
