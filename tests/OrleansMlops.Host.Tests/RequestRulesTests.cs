using System.Collections.Immutable;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// The rules every endpoint applies the same way: a JSON body with a repeated key, a listing's limit, the worker's
/// fetch-and-lock bounds and the case of run ids. Each refusal is a 400 naming what is wrong and stores nothing.
/// </summary>
public sealed class RequestRulesTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Theory]
    [InlineData("""{"workflowId":"credit-risk","runId":"run-dup-first","runId":"run-dup-last"}""", "runId")]
    [InlineData("""{"workflowId":"credit-risk","runId":"run-dup-params","parameters":{"tier":"1","tier":"2"}}""", "tier")]
    public async Task A_start_request_with_a_repeated_key_is_a_400_naming_the_key_and_starts_no_run(string body, string key)
    {
        var before = await RunCount();

        var response = await _http.SendAsync(Json(HttpMethod.Post, "/api/runs", body).As("alice"));

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.BadRequest, key);
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Contains("duplicate", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await RunCount());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/runs/run-dup-first")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/runs/run-dup-last")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/runs/run-dup-params")).StatusCode);
    }

    /// <summary>Bodies bound to records, to dictionaries and to a raw JSON element all go through the host's one set of JSON options.</summary>
    [Theory]
    [InlineData("/api/runs/run-any/tasks/UserTask_ApproveModel", "bob", """{"decision":"reject","decision":"approve"}""", "decision")]
    [InlineData("/api/models/credit-risk/environments/production/monitoring", "credit-monitoring-service", """{"version":1,"metrics":{"drift":0.9,"drift":0.1}}""", "drift")]
    [InlineData("/api/models/credit-risk/environments/production/predict", "loan-origination", """{"age":35,"age":70}""", "age")]
    [InlineData("/api/external-tasks/fetch-and-lock", "svc", """{"workerId":"w","topics":["r.scoring"],"workerId":"x"}""", "workerId")]
    public async Task Every_json_body_with_a_repeated_key_is_a_400_naming_the_key(string uri, string principal, string body, string key)
    {
        var response = await _http.SendAsync(Json(HttpMethod.Post, uri, body).As(principal));

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.BadRequest, key);
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/runs?limit=0")]
    [InlineData("/api/runs?limit=-5")]
    [InlineData("/api/runs?limit=1001")]
    [InlineData("/api/models?limit=0")]
    [InlineData("/api/decisions?limit=-1")]
    [InlineData("/api/predictions?limit=0")]
    public async Task A_listing_limit_outside_1_to_1000_is_a_400_naming_limit(string uri)
    {
        var response = await _http.GetAsync(uri);

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.BadRequest, "limit must be 1 to 1000");
        Assert.Equal("limit", problem.GetProperty("where").GetString());
    }

    [Fact]
    public async Task A_dry_run_limit_below_1_is_a_400_naming_limit()
    {
        var response = await _http.SendAsync(Json(HttpMethod.Post, "/api/policies/dry-run?limit=0", "{}").As("colin"));

        await RunsApiTests.AssertProblem(response, HttpStatusCode.BadRequest, "limit must be 1 to 1000; got 0");
    }

    [Fact]
    public async Task The_runs_listing_takes_limits_from_1_to_1000()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/runs?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/runs?limit=1000")).StatusCode);
    }

    [Theory]
    [InlineData("""{"workerId":"w","topics":["r.scoring"],"maxTasks":0}""", "maxTasks must be 1 to 100; got 0")]
    [InlineData("""{"workerId":"w","topics":["r.scoring"],"maxTasks":-3}""", "maxTasks must be 1 to 100; got -3")]
    [InlineData("""{"workerId":"w","topics":["r.scoring"],"maxTasks":101}""", "maxTasks must be 1 to 100; got 101")]
    [InlineData("""{"workerId":"w","topics":["r.scoring"],"lockDurationMs":-1}""", "lockDurationMs must be 1 to 86400000 (24 hours); got -1")]
    [InlineData("""{"workerId":"w","topics":["r.scoring"],"lockDurationMs":86400001}""", "lockDurationMs must be 1 to 86400000 (24 hours); got 86400001")]
    public async Task Fetch_and_lock_outside_its_bounds_is_a_400_naming_the_field(string body, string detail)
    {
        var response = await _http.SendAsync(Json(HttpMethod.Post, "/api/external-tasks/fetch-and-lock", body).As("svc"));

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(detail.Split(' ')[0], problem.GetProperty("where").GetString());
    }

    [Fact]
    public async Task Extending_a_lock_by_a_negative_duration_is_a_400_naming_the_field()
    {
        var response = await _http.SendAsync(Json(HttpMethod.Post, "/api/external-tasks/r.scoring/job-any/extend-lock", """{"workerId":"w","newDurationMs":-5}""").As("svc"));

        await RunsApiTests.AssertProblem(response, HttpStatusCode.BadRequest, "newDurationMs must be 1 to 86400000 (24 hours); got -5");
    }

    [Fact]
    public async Task A_client_chosen_run_id_with_upper_case_letters_is_a_400_naming_the_rule_and_starts_no_run()
    {
        var before = await RunCount();

        var response = await _http.SendAsync(Post("/api/runs", new { workflowId = "credit-risk", runId = "RT-1" }).As("alice"));

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.BadRequest, "run ids are lower-case (e.g. 'rt-1')");
        Assert.Equal("runId", problem.GetProperty("where").GetString());
        Assert.Equal(before, await RunCount());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/runs/RT-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/runs/rt-1")).StatusCode);
    }

    [Fact]
    public async Task A_lower_case_client_chosen_run_id_passes_the_rule()
    {
        // An unknown workflow is refused by the run grain, past the HTTP checks: a 404, not the 400 of a bad id.
        var response = await _http.SendAsync(Post("/api/runs", new { workflowId = "does-not-exist", runId = "rt-lower-case_1" }).As("alice"));

        await RunsApiTests.AssertProblem(response, HttpStatusCode.NotFound, "does-not-exist");
    }

    [Fact]
    public async Task A_grain_client_starting_a_run_whose_id_has_upper_case_letters_is_refused_and_nothing_is_stored()
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var alice = new Actor("alice", [], null);

        var refused = await Assert.ThrowsAsync<RunException>(() => grains.GetGrain<IPipelineRunGrain>("Grain-RT-1")
            .Start(new StartRunRequest("credit-risk", null, ImmutableDictionary<string, Variable>.Empty, alice)));

        Assert.Equal(RunErrorCode.InvalidRequest, refused.Code);
        Assert.Contains("run ids are lower-case (e.g. 'grain-rt-1')", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.NotStarted, (await grains.GetGrain<IPipelineRunGrain>("Grain-RT-1").GetView()).Status);
    }

    private static HttpRequestMessage Json(HttpMethod method, string uri, string body) =>
        new(method, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private async Task<int> RunCount() => (await (await _http.GetAsync("/api/runs?limit=1000")).Body()).GetArrayLength();
}
