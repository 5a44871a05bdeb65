using System.Diagnostics;
using Orleans.TestingHost;
using OrleansMlops.Storage.Tests.PostgreSql;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// Runs two silos that find each other, keep grain state and reminders in one PostgreSQL database through our scripts,
/// as the host does in PostgreSQL mode: a query key, parameter or column Orleans 10.4.2 disagreed with would fail here.
/// Kept in one class so clusters start one at a time.
/// </summary>
public sealed class PostgreSqlClusterTests
{
    private const string ServiceId = "orleans-mlops-postgresql-tests";
    private const int Active = 3;
    private const int Dead = 6;

    private static async Task<TestCluster> DeployAsync(TempPostgreSqlDatabase database)
    {
        var builder = new TestClusterBuilder(2);
        // Storage and reminder rows are keyed by ServiceId: pin it so a redeployed cluster finds its data.
        builder.Options.ServiceId = ServiceId;
        // Silos must find each other, and the client its gateways, in the PostgreSQL membership table.
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[PostgreSqlSiloConfigurator.ConnectionStringKey] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<PostgreSqlSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgreSqlClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static Task<long> MembersAsync(TempPostgreSqlDatabase database, string clusterId, int status) =>
        database.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @clusterId AND Status = @status", new { clusterId, status });

    [Fact]
    public async Task Two_silos_join_through_the_membership_table_and_their_grain_state_survives_a_redeploy()
    {
        // An empty database: the silos apply the schema themselves, both at once.
        await using var database = await TempPostgreSqlDatabase.CreateAsync();
        var counters = Enumerable.Range(1, 20).ToArray();

        string firstClusterId;
        await using (var cluster = await DeployAsync(database))
        {
            firstClusterId = cluster.Options.ClusterId;
            Assert.Equal(2, await MembersAsync(database, firstClusterId, Active));
            Assert.Equal(2, (await cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);

            var silos = new HashSet<string>();
            foreach (var id in counters)
            {
                var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(id);
                await counter.Increment("one");
                await counter.Increment($"two of {id}");
                silos.Add(await counter.Silo());
            }

            Assert.Equal(2, silos.Count);
            await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-7").Write("in the runs storage");
            await cluster.StopAllSilosAsync();
        }

        // Silos that shut down cleanly leave their rows as Dead.
        Assert.Equal(2, await MembersAsync(database, firstClusterId, Dead));

        await using (var cluster = await DeployAsync(database))
        {
            Assert.Equal(2, await MembersAsync(database, cluster.Options.ClusterId, Active));
            foreach (var id in counters)
            {
                var state = await cluster.GrainFactory.GetGrain<ICounterGrain>(id).Get();
                Assert.Equal((2, $"two of {id}"), (state.Value, state.Note));
            }

            Assert.Equal("in the runs storage", await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-7").Read());
            Assert.Null(await cluster.GrainFactory.GetGrain<IRunNoteGrain>("run-8").Read());
            Assert.Equal(3, await cluster.GrainFactory.GetGrain<ICounterGrain>(1).Increment("three"));
            await cluster.StopAllSilosAsync();
        }

        Assert.Equal(counters.Length + 1, await database.ScalarAsync<long>(
            "SELECT count(*) FROM grain_state WHERE service_id = @ServiceId", new { ServiceId }));
    }

    [Fact]
    public async Task A_reminder_registered_in_the_cluster_is_stored_and_fires()
    {
        await using var database = await TempPostgreSqlDatabase.CreateAsync();
        await using var cluster = await DeployAsync(database);
        var grain = cluster.GrainFactory.GetGrain<IFiringReminderGrain>("model-a");

        await grain.Start("retrain");

        Assert.Equal(1, await database.ScalarAsync<long>(
            "SELECT count(*) FROM grain_reminders WHERE service_id = @ServiceId AND reminder_name = 'retrain'", new { ServiceId }));
        var waiting = Stopwatch.StartNew();
        while (await grain.Ticks() == 0)
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), "The reminder did not fire within 30 s.");
            await Task.Delay(100);
        }

        await cluster.StopAllSilosAsync();
    }
}
