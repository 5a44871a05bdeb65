using System.Diagnostics;
using Dapper;

namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>
/// The clustering queries of 002-orleans-clustering.sql, run with the parameters Orleans 10.4.2 binds: every write must
/// succeed only at the table version it read and bump it atomically, or change nothing and answer false.
/// </summary>
public sealed class OrleansMembershipQueryTests : IAsyncLifetime
{
    private const string Cluster = "cluster-a";
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly DateTime Started = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    private TempPostgreSqlDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TempPostgreSqlDatabase.CreateWithSchemaAsync();
        Assert.True(await _database.SingleBooleanAsync("InsertMembershipVersionKey", new { DeploymentId = Cluster }));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<bool> InsertAsync(int port, int version, int status = Active, int proxyPort = 30000, string cluster = Cluster) =>
        _database.SingleBooleanAsync("InsertMembershipKey", new
        {
            DeploymentId = cluster,
            Address = "127.0.0.1",
            Port = port,
            Generation = 7,
            SiloName = $"silo-{port}",
            HostName = "host",
            Status = status,
            ProxyPort = proxyPort,
            StartTime = Started,
            IAmAliveTime = Started,
            Version = version,
        });

    private Task<bool> UpdateAsync(int port, int version, int status, string? suspectTimes, DateTime iAmAliveTime) =>
        _database.SingleBooleanAsync("UpdateMembershipKey", new
        {
            DeploymentId = Cluster,
            Address = "127.0.0.1",
            Port = port,
            Generation = 7,
            Status = status,
            SuspectTimes = suspectTimes,
            IAmAliveTime = iAmAliveTime,
            Version = version,
        });

    private Task<List<MemberRow>> ReadAllAsync(string cluster = Cluster) =>
        _database.RowsAsync<MemberRow>("MembershipReadAllKey", new { DeploymentId = cluster });

    private async Task<int> TableVersionAsync() => (await ReadAllAsync())[0].Version;

    [Fact]
    public async Task The_version_row_is_created_once_and_read_back_without_members()
    {
        Assert.False(await _database.SingleBooleanAsync("InsertMembershipVersionKey", new { DeploymentId = Cluster }));

        var all = Assert.Single(await ReadAllAsync());
        Assert.Equal((null, 0), (all.StartTime, all.Version));
        var row = Assert.Single(await _database.RowsAsync<MemberRow>(
            "MembershipReadRowKey", new { DeploymentId = Cluster, Address = "127.0.0.1", Port = 11111, Generation = 7 }));
        Assert.Equal((null, 0), (row.StartTime, row.Version));
    }

    [Fact]
    public async Task Insert_succeeds_only_at_the_current_version_and_bumps_it_with_the_row()
    {
        Assert.True(await InsertAsync(11111, version: 0));
        Assert.False(await InsertAsync(11112, version: 0));
        // Already there at the current version: refused, and the version must not move either.
        Assert.False(await InsertAsync(11111, version: 1));
        Assert.Equal(1, await TableVersionAsync());
        Assert.True(await InsertAsync(11112, version: 1));

        var members = await ReadAllAsync();
        Assert.Equal([11111, 11112], members.Select(m => m.Port!.Value).Order());
        Assert.All(members, m => Assert.Equal(2, m.Version));
        var row = Assert.Single(await _database.RowsAsync<MemberRow>(
            "MembershipReadRowKey", new { DeploymentId = Cluster, Address = "127.0.0.1", Port = 11112, Generation = 7 }));
        Assert.Equal(("silo-11112", "host", Active, 30000, Started, 2), (row.SiloName, row.HostName, row.Status, row.ProxyPort, row.StartTime!.Value.ToUniversalTime(), row.Version));
    }

    [Fact]
    public async Task Update_succeeds_only_at_the_current_version_and_never_moves_i_am_alive_back()
    {
        await InsertAsync(11111, version: 0);
        var votes = "127.0.0.1:11112@7,2026-01-01 08:00:05.000 GMT";

        Assert.False(await UpdateAsync(11111, version: 0, Dead, votes, Started.AddMinutes(1)));
        Assert.False(await UpdateAsync(22222, version: 1, Dead, votes, Started.AddMinutes(1)));
        Assert.Equal(1, await TableVersionAsync());
        Assert.True(await UpdateAsync(11111, version: 1, Dead, votes, Started.AddMinutes(1)));
        Assert.True(await UpdateAsync(11111, version: 2, Dead, null, Started));

        var member = Assert.Single(await ReadAllAsync());
        Assert.Equal((Dead, null, Started.AddMinutes(1), 3), (member.Status, member.SuspectTimes, member.IAmAliveTime!.Value.ToUniversalTime(), member.Version));
    }

    [Fact]
    public async Task The_heartbeat_moves_i_am_alive_forward_only_and_leaves_the_version()
    {
        await InsertAsync(11111, version: 0);

        Task HeartbeatAsync(DateTime time) => _database.ExecuteStoredAsync(
            "UpdateIAmAlivetimeKey", new { DeploymentId = Cluster, Address = "127.0.0.1", Port = 11111, Generation = 7, IAmAliveTime = time });

        await HeartbeatAsync(Started.AddSeconds(30));
        await HeartbeatAsync(Started.AddSeconds(10));

        var member = Assert.Single(await ReadAllAsync());
        Assert.Equal((Started.AddSeconds(30), 1), (member.IAmAliveTime!.Value.ToUniversalTime(), member.Version));
    }

    // Holds the cluster's version row while the writers start, so all of them are in flight at once, then lets them go.
    private async Task<bool[]> ReleasedTogetherAsync(int count, Func<int, Task<bool>> write)
    {
        await using var blocker = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync(
            "SELECT 1 FROM OrleansMembershipVersionTable WHERE DeploymentId = @Cluster FOR UPDATE", new { Cluster }, transaction);
        var writers = Enumerable.Range(0, count).Select(i => Task.Run(() => write(i))).ToArray();
        var waiting = Stopwatch.StartNew();
        while (await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < count)
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(10), "The writers never queued behind the version row.");
            await Task.Delay(20);
        }

        await transaction.CommitAsync();
        return await Task.WhenAll(writers);
    }

    [Fact]
    public async Task Racing_inserts_at_one_version_have_exactly_one_winner()
    {
        var results = await ReleasedTogetherAsync(8, i => InsertAsync(11111 + i, version: 0));

        Assert.Single(results, won => won);
        Assert.Equal(1, await TableVersionAsync());
        Assert.Single(await ReadAllAsync());
    }

    [Fact]
    public async Task Racing_updates_at_one_version_have_exactly_one_winner()
    {
        await InsertAsync(11111, version: 0);

        var results = await ReleasedTogetherAsync(8, i => UpdateAsync(11111, version: 1, Dead, $"vote {i}", Started));

        Assert.Single(results, won => won);
        Assert.Equal(2, await TableVersionAsync());
    }

    [Fact]
    public async Task Gateways_are_the_active_silos_that_run_one()
    {
        await InsertAsync(11111, version: 0);
        await InsertAsync(11112, version: 1, proxyPort: 0);
        await InsertAsync(11113, version: 2, status: Dead);

        var gateways = await _database.RowsAsync<MemberRow>("GatewaysQueryKey", new { DeploymentId = Cluster, Status = Active });

        var gateway = Assert.Single(gateways);
        Assert.Equal(("127.0.0.1", 30000, 7), (gateway.Address, gateway.ProxyPort, gateway.Generation));
    }

    [Fact]
    public async Task Clean_up_removes_a_dead_row_only_while_it_holds_the_values_orleans_read()
    {
        await InsertAsync(11111, version: 0, status: Dead);
        await InsertAsync(11112, version: 1);

        Task<int> CleanupAsync(int port, DateTime iAmAliveTime, string? suspectTimes) => _database.ExecuteStoredAsync(
            "CleanupDefunctSiloEntryKey",
            new
            {
                DeploymentId = Cluster,
                Address = "127.0.0.1",
                Port = port,
                Generation = 7,
                SuspectTimes = suspectTimes,
                StartTime = Started,
                IAmAliveTime = iAmAliveTime,
            });

        Assert.Equal(0, await CleanupAsync(11111, Started.AddSeconds(1), null));
        Assert.Equal(0, await CleanupAsync(11111, Started, "127.0.0.1:11112@7,2026-01-01 08:00:05.000 GMT"));
        Assert.Equal(0, await CleanupAsync(11112, Started, null));
        Assert.Equal(1, await CleanupAsync(11111, Started, null));

        Assert.Equal([11112], (await ReadAllAsync()).Select(m => m.Port!.Value));
    }

    [Fact]
    public async Task Clean_up_by_cut_off_removes_old_dead_rows_without_votes()
    {
        await InsertAsync(11111, version: 0, status: Dead);
        await InsertAsync(11112, version: 1);
        await InsertAsync(11113, version: 2, status: Dead);
        await UpdateAsync(11113, version: 3, Dead, "127.0.0.1:11112@7,2026-01-01 08:00:05.000 GMT", Started);

        await _database.ExecuteStoredAsync("CleanupDefunctSiloEntriesKey", new { DeploymentId = Cluster, IAmAliveTime = Started });
        Assert.Equal(3, (await ReadAllAsync()).Count);

        await _database.ExecuteStoredAsync("CleanupDefunctSiloEntriesKey", new { DeploymentId = Cluster, IAmAliveTime = Started.AddDays(8) });
        Assert.Equal([11112, 11113], (await ReadAllAsync()).Select(m => m.Port!.Value).Order());
    }

    [Fact]
    public async Task Deleting_a_cluster_removes_its_version_row_and_members_only()
    {
        Assert.True(await _database.SingleBooleanAsync("InsertMembershipVersionKey", new { DeploymentId = "cluster-b" }));
        await InsertAsync(11111, version: 0);
        await InsertAsync(11111, version: 0, cluster: "cluster-b");

        await _database.ExecuteStoredAsync("DeleteMembershipTableEntriesKey", new { DeploymentId = Cluster });

        Assert.Empty(await ReadAllAsync());
        Assert.Single(await ReadAllAsync("cluster-b"), m => m.Port == 11111);
    }

    private sealed class MemberRow
    {
        public string? Address { get; set; }

        public int? Port { get; set; }

        public int? Generation { get; set; }

        public string? SiloName { get; set; }

        public string? HostName { get; set; }

        public int? Status { get; set; }

        public int? ProxyPort { get; set; }

        public string? SuspectTimes { get; set; }

        public DateTime? StartTime { get; set; }

        public DateTime? IAmAliveTime { get; set; }

        public int Version { get; set; }
    }
}
