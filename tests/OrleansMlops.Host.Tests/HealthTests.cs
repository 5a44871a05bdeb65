using System.Net;
using OrleansMlops.Host.Health;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>The probes an orchestrator calls: anonymous, live while the process serves, ready while the silo and storage are.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_running_host_is_live_and_ready_for_anonymous_probes()
    {
        await using var factory = new EngineHostFactory();
        var http = factory.CreateClient();

        var live = await http.GetAsync(HealthEndpoints.LivePath);
        var ready = await http.GetAsync(HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Body();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("SQLite answers.", body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Ready_reports_storage_that_stopped_answering_while_the_host_stays_live_and_recovers_with_it()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("health");
        await using var factory = new EngineHostFactory();
        await using var host = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Provider", "PostgreSql")
            .UseSetting("Storage:PostgreSql:ConnectionString", connectionString));
        var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);

        await server.SetConnectionsAllowedAsync(connectionString, allowed: false);
        HttpResponseMessage ready;
        try
        {
            ready = await http.GetAsync(HealthEndpoints.ReadyPath);
        }
        finally
        {
            await server.SetConnectionsAllowedAsync(connectionString, allowed: true);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var storage = (await ready.Body()).GetProperty("checks").GetProperty("storage");
        Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
        Assert.StartsWith("PostgreSQL does not answer:", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.LivePath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);
    }
}
