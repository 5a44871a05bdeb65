using System.Net;
using System.Text;
using System.Text.Json;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>Monitoring over HTTP: reports on the live version, the retraining run a breach starts, and what is refused.</summary>
public sealed class MonitoringApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private const string Monitoring = "/api/models/credit-risk/environments/production/monitoring";

    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_breach_starts_one_retraining_run_and_every_report_is_listed_with_its_outcome()
    {
        var version = await Release();

        var fine = await Report(new { version, metrics = new { drift = 0.05, auc = 0.8 }, observationId = "2026-11" });
        var breach = await Report(new { version, metrics = new { drift = 0.31 } });
        var again = await Report(new { version, metrics = new { drift = 0.4 } });

        Assert.Equal(("allowed", JsonValueKind.Null), (fine.GetProperty("outcome").GetString(), fine.GetProperty("retrainingRunId").ValueKind));
        Assert.Equal("retrainingStarted", breach.GetProperty("outcome").GetString());
        Assert.Equal("MON-1 population drift within bound", Assert.Single(breach.GetProperty("failedRules").EnumerateArray()).GetString());
        var runId = breach.GetProperty("retrainingRunId").GetString();
        Assert.Equal(("retrainingAlreadyOpen", runId), (again.GetProperty("outcome").GetString(), again.GetProperty("retrainingRunId").GetString()));
        var run = await Get($"/api/runs/{runId}");
        Assert.Equal("waitingForUser", run.GetProperty("status").GetString());
        Assert.Contains(breach.GetProperty("reportId").GetString()!, run.GetProperty("parameters").GetProperty("trigger").GetString(), StringComparison.Ordinal);
        var decision = await Get($"/api/decisions/{breach.GetProperty("decisionId").GetString()}");
        Assert.Equal(("monitor", "blocked"), (decision.GetProperty("transition").GetString(), decision.GetProperty("outcome").GetString()));

        var listed = await Get(Monitoring);
        Assert.Equal(runId, listed.GetProperty("openRetrainingRunId").GetString());
        Assert.Equal(
            ["allowed", "retrainingStarted", "retrainingAlreadyOpen"],
            listed.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("credit-monitoring-service", listed.GetProperty("reports")[0].GetProperty("reportedBy").GetString());
    }

    [Fact]
    public async Task Bad_reports_are_problems_naming_what_is_wrong()
    {
        await RunsApiTests.AssertProblem(
            await factory.CreateClient().SendAsync(Post(Monitoring, new { version = 1, metrics = new { drift = 0.3 } })), HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(AsService(Post(Monitoring, new { metrics = new { drift = 0.3 } }))), HttpStatusCode.BadRequest, "version is required");
        var empty = await RunsApiTests.AssertProblem(
            await _http.SendAsync(AsService(Post(Monitoring, new { version = 1, metrics = new { } }))), HttpStatusCode.BadRequest, "at least one");
        Assert.Equal("metrics", empty.GetProperty("where").GetString());
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(AsService(new HttpRequestMessage(HttpMethod.Post, Monitoring)
            {
                Content = new StringContent("""{"version":1,"metrics":{"drift":"high"}}""", Encoding.UTF8, "application/json"),
            })),
            HttpStatusCode.BadRequest,
            "$.metrics.drift");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(AsService(Post("/api/models/credit-risk/environments/Prod!/monitoring", new { version = 1, metrics = new { drift = 0.3 } }))),
            HttpStatusCode.BadRequest,
            "Prod!");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(AsService(Post("/api/models/credit-risk/environments/nowhere/monitoring", new { version = 1, metrics = new { drift = 0.3 } }))),
            HttpStatusCode.Conflict,
            "No version of 'credit-risk' is live in nowhere");

        var version = await Release();
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(AsService(Post(Monitoring, new { version = version + 1, metrics = new { drift = 0.3 } }))),
            HttpStatusCode.Conflict,
            $"version {version} is");
    }

    private static HttpRequestMessage AsService(HttpRequestMessage request) => request.As("credit-monitoring-service");

    private async Task<JsonElement> Report(object body)
    {
        var response = await _http.SendAsync(AsService(Post(Monitoring, body)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }

    private Task<int> Release() => _http.ReleaseCreditModel();

    private async Task<JsonElement> Get(string uri)
    {
        var response = await _http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }
}
