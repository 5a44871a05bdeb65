using Npgsql;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>A stopped silo gives its database connections back, so restarts in one process do not pile them up.</summary>
public sealed class PostgreSqlConnectionTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new();

    public Task InitializeAsync() => _setup.UsePostgreSqlAsync();

    public Task DisposeAsync()
    {
        _setup.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stopping_the_silo_closes_its_connection_pool()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        await engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
        await engine.Client.Start("run-pooled");
        var whileRunning = await OtherSessionsAsync();

        await engine.DisposeAsync();

        Assert.True(whileRunning > 0, "the running silo held no connection; the test proves nothing");
        Assert.Equal(0, await OtherSessionsAsync());
    }

    private async Task<long> OtherSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_setup.Storage!.PostgreSql.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
