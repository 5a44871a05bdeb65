using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrleansMlops.SampleGrainClient;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// The grain-API example service, with its shipped settings, as a separate Orleans client of a running engine: it starts
/// one retraining run per period, a restart within the period starts nothing new, and the next period starts the next run.
/// </summary>
public sealed class GrainClientSampleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_example_service_starts_one_run_per_period_through_the_grain_api_and_never_twice()
    {
        using var engine = new EngineHostFactory();
        var http = engine.CreateClient().SignedInAs("audrey");
        var gatewayPort = engine.Services.GetRequiredService<IConfiguration>()["Orleans:GatewayPort"]!;
        var clock = new FakeTimeProvider(Monday);

        var logs = new LogCapture();
        var first = await StartService(gatewayPort, clock, logs);
        var run = await Eventually.Until(
            () => Run(http, "scheduled-credit-risk-20261207t0000"), r => r?.GetProperty("status").GetString() == "waitingForUser", what: "the period's run");
        await Eventually.Until(() => Task.FromResult(StandsWaiting(logs)), count => count == 1, what: "the service to report the run waiting");
        await first.StopAsync();
        first.Dispose();

        Assert.Equal("alice", run!.Value.GetProperty("startedBy").GetProperty("id").GetString());
        Assert.Equal("UserTask_ValidationReview", run.Value.GetProperty("openTasks")[0].GetProperty("taskId").GetString());
        Assert.Equal("scheduled,retail", run.Value.GetProperty("variables").GetProperty("tags").GetString());

        // A restart within the period finds the period's run and starts nothing.
        using var again = await StartService(gatewayPort, clock, logs);
        await Eventually.Until(() => Task.FromResult(StandsWaiting(logs)), count => count == 2, what: "the restarted service to find the period's run");
        Assert.Equal(run.Value.GetProperty("version").GetInt64(), (await Run(http, "scheduled-credit-risk-20261207t0000"))!.Value.GetProperty("version").GetInt64());
        Assert.Single(logs.Entries, e => e.Contains("Started retraining run", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromDays(1));
        await Eventually.Until(
            () => Run(http, "scheduled-credit-risk-20261208t0000"), r => r?.GetProperty("status").GetString() == "waitingForUser", what: "the next period's run");
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Warning", StringComparison.Ordinal));
        await again.StopAsync();
    }

    /// <summary>The sample with the settings it ships with, pointed at the test engine's gateway.</summary>
    private static async Task<IHost> StartService(string gatewayPort, TimeProvider clock, LogCapture logs)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration
            .AddJsonFile(Path.Combine(RepoPaths.Root, "samples", "OrleansMlops.SampleGrainClient", "appsettings.json"))
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Engine:GatewayPort", gatewayPort)]);
        builder.Logging.AddProvider(logs).AddFilter("Orleans.", LogLevel.Warning);
        builder.AddEngineClient().AddScheduledRetraining(clock);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int StandsWaiting(LogCapture logs) =>
        logs.Entries.Count(e => e.Contains("RunId=scheduled-credit-risk-20261207t0000 Status=WaitingForUser", StringComparison.Ordinal));

    private static async Task<System.Text.Json.JsonElement?> Run(HttpClient http, string runId)
    {
        var response = await http.GetAsync($"/api/runs/{runId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Body();
    }
}
