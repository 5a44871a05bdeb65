using System.Net;
using OrleansMlops.Testing;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>The whole host in PostgreSQL mode: ADO.NET clustering, grain state, reminders and every read model on one database.</summary>
public sealed class PostgreSqlHostTests : IAsyncLifetime
{
    private readonly EngineHostFactory _factory = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("host");
        _host = _factory.WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Provider", "PostgreSql")
            .UseSetting("Storage:PostgreSql:ConnectionString", connectionString));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task The_readme_release_runs_and_every_read_model_answers_from_postgresql()
    {
        var http = _host.CreateClient().SignedInAs("audrey");

        var version = await http.ReleaseCreditModel();
        var prediction = await http.SendAsync(Post("/api/models/credit-risk/environments/production/predict", PredictionsApiTests.Applicant).As("loan-origination"));

        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
        var runs = await (await http.GetAsync("/api/runs?workflowId=credit-risk")).Body();
        var runId = Assert.Single(runs.EnumerateArray()).GetProperty("runId").GetString();
        Assert.True((await (await http.GetAsync($"/api/runs/{runId}/audit/verify")).Body()).GetProperty("valid").GetBoolean());
        Assert.Equal(14, (await (await http.GetAsync($"/api/runs/{runId}/audit")).Body()).GetArrayLength());
        Assert.True((await (await http.GetAsync($"/api/decisions?runId={runId}")).Body()).GetArrayLength() >= 6);
        var deployed = await (await http.GetAsync("/api/models?stage=deployed")).Body();
        Assert.Equal(version, Assert.Single(deployed.EnumerateArray()).GetProperty("version").GetInt32());
        Assert.Equal(1, (await (await http.GetAsync("/api/predictions?environment=production")).Body()).GetArrayLength());
        Assert.True((await (await http.GetAsync("/api/identity/audit/verify")).Body()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_retried_start_gets_its_first_answer_from_postgresql_and_starts_one_run()
    {
        var http = _host.CreateClient().SignedInAs("audrey");
        HttpRequestMessage Start() => IdempotencyKeyTests.WithKey(
            RunsApiTests.StartCreditRun(new Dictionary<string, object> { ["purpose"] = "retried on postgresql" }), "pg-start-1").As("alice");

        var first = await http.SendAsync(Start());
        var retried = await http.SendAsync(Start());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await IdempotencyKeyTests.AssertSameAnswer(first, retried);
        Assert.Equal(1, (await (await http.GetAsync("/api/runs?workflowId=credit-risk")).Body()).GetArrayLength());
    }
}
