using System.Net;
using System.Text;
using System.Text.Json;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Retried requests get the first answer: starting a run, promotion, rollback, monitoring reports and role requests
/// with an Idempotency-Key (per caller and endpoint), and starts with a client-chosen run id.
/// </summary>
public sealed class IdempotencyKeyTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private const string Monitoring = "/api/models/credit-risk/environments/production/monitoring";

    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_retried_start_gets_the_first_status_and_body_and_starts_one_run()
    {
        var before = await RunCount("credit-risk");

        var first = await _http.SendAsync(WithKey(Json("/api/runs", """{"workflowId":"credit-risk","parameters":{"purpose":"retry","tier":"1"}}"""), "start-1").As("alice"));
        var retried = await _http.SendAsync(
            WithKey(Json("/api/runs", """{ "parameters": { "tier": "1", "purpose": "retry" }, "workflowId": "credit-risk" }"""), "start-1").As("alice"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        await AssertSameAnswer(first, retried);
        Assert.Equal("blocked", (await retried.Body()).GetProperty("status").GetString());
        Assert.Equal(before + 1, await RunCount("credit-risk"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_409_naming_the_key_and_starts_nothing()
    {
        await _http.SendAsync(WithKey(BlockedStart("first purpose"), "start-2").As("alice"));
        var before = await RunCount("credit-risk");

        var reused = await _http.SendAsync(WithKey(BlockedStart("another purpose"), "start-2").As("alice"));

        var problem = await RunsApiTests.AssertProblem(reused, HttpStatusCode.Conflict, "Idempotency-Key 'start-2' was already used by 'alice' for a different request");
        Assert.Equal("Idempotency-Key", problem.GetProperty("where").GetString());
        Assert.Equal(before, await RunCount("credit-risk"));
    }

    [Fact]
    public async Task Keys_are_per_caller()
    {
        var alices = await _http.SendAsync(WithKey(BlockedStart("per caller"), "start-3").As("alice"));
        var mallorys = await _http.SendAsync(WithKey(BlockedStart("per caller"), "start-3").As("mallory"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (alices.StatusCode, mallorys.StatusCode));
        Assert.False(mallorys.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(RunId(await alices.Body()), RunId(await mallorys.Body()));
        Assert.Equal("mallory", (await mallorys.Body()).GetProperty("startedBy").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Concurrent_duplicates_execute_once_and_the_others_are_told_to_retry()
    {
        var before = await RunCount("credit-risk");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _http.SendAsync(WithKey(BlockedStart("concurrent"), "start-4").As("alice"))));
        var after = await _http.SendAsync(WithKey(BlockedStart("concurrent"), "start-4").As("alice"));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        foreach (var inProgress in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await RunsApiTests.AssertProblem(inProgress, HttpStatusCode.Conflict, "still being executed");
            Assert.NotNull(inProgress.Headers.RetryAfter);
        }

        var runIds = new HashSet<string>();
        foreach (var created in answers.Where(a => a.StatusCode == HttpStatusCode.Created).Append(after))
        {
            runIds.Add(RunId(await created.Body()));
        }

        Assert.Single(runIds);
        Assert.Equal(before + 1, await RunCount("credit-risk"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("k", 256)]
    public async Task A_malformed_key_is_a_400_naming_the_header_and_starts_nothing(string key, int repeated = 1)
    {
        var before = await RunCount("credit-risk");
        var request = BlockedStart("bad key").As("alice");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", string.Concat(Enumerable.Repeat(key, repeated)));

        var problem = await RunsApiTests.AssertProblem(await _http.SendAsync(request), HttpStatusCode.BadRequest, "Idempotency-Key must be one value");

        Assert.Equal("Idempotency-Key", problem.GetProperty("where").GetString());
        Assert.Equal(before, await RunCount("credit-risk"));
    }

    [Fact]
    public async Task A_start_retried_with_its_client_chosen_run_id_and_the_same_body_returns_that_run()
    {
        var first = await _http.SendAsync(Post("/api/runs", new { workflowId = "credit-risk", runId = "run-chosen-by-client", parameters = new { purpose = "chosen" } }).As("alice"));
        var before = await RunCount("credit-risk");

        var retried = await _http.SendAsync(Post("/api/runs", new { workflowId = "credit-risk", runId = "run-chosen-by-client", parameters = new { purpose = "chosen" } }).As("alice"));
        var otherBody = await _http.SendAsync(Post("/api/runs", new { workflowId = "credit-risk", runId = "run-chosen-by-client", parameters = new { purpose = "other" } }).As("alice"));
        var otherCaller = await _http.SendAsync(Post("/api/runs", new { workflowId = "credit-risk", runId = "run-chosen-by-client", parameters = new { purpose = "chosen" } }).As("mallory"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retried.StatusCode));
        Assert.Equal("/api/runs/run-chosen-by-client", retried.Headers.Location!.OriginalString);
        var (firstRun, retriedRun) = (await first.Body(), await retried.Body());
        Assert.Equal(
            (RunId(firstRun), firstRun.GetProperty("status").GetString(), firstRun.GetProperty("version").GetInt64()),
            (RunId(retriedRun), retriedRun.GetProperty("status").GetString(), retriedRun.GetProperty("version").GetInt64()));
        await RunsApiTests.AssertProblem(otherBody, HttpStatusCode.Conflict, "choose another run id");
        await RunsApiTests.AssertProblem(otherCaller, HttpStatusCode.Conflict, "already started by 'alice'");
        Assert.Equal(before, await RunCount("credit-risk"));
    }

    [Fact]
    public async Task Retried_rollbacks_and_promotions_get_the_first_answer_and_start_one_run_each()
    {
        var first = await _http.ReleaseCreditModel();
        var second = await _http.ReleaseCreditModel();

        var rollback = Post("/api/models/credit-risk/environments/production/rollback", new { reason = "INC-5150: approval rates drifted" });
        var rolledBack = await _http.SendAsync(WithKey(rollback, "rollback-1").As("dora"));
        var rollbackRetried = await _http.SendAsync(
            WithKey(Post("/api/models/credit-risk/environments/production/rollback", new { reason = "INC-5150: approval rates drifted" }), "rollback-1").As("dora"));

        Assert.Equal("completed", (await rolledBack.Body()).GetProperty("status").GetString());
        await AssertSameAnswer(rolledBack, rollbackRetried);
        Assert.Equal(1, await RunCount("rollback-model"));
        Assert.Equal(first, (await Get("/api/models/credit-risk/environments/production")).GetProperty("liveVersion").GetInt32());

        var promote = new { environment = "production", reason = "fix verified" };
        var promoted = await _http.SendAsync(WithKey(Post($"/api/models/credit-risk/versions/{second}/promote", promote), "promote-1").As("dora"));
        var promoteRetried = await _http.SendAsync(WithKey(Post($"/api/models/credit-risk/versions/{second}/promote", promote), "promote-1").As("dora"));
        var otherVersion = await _http.SendAsync(WithKey(Post($"/api/models/credit-risk/versions/{first}/promote", promote), "promote-1").As("dora"));

        Assert.Equal("completed", (await promoted.Body()).GetProperty("status").GetString());
        await AssertSameAnswer(promoted, promoteRetried);
        await RunsApiTests.AssertProblem(otherVersion, HttpStatusCode.Conflict, "'promote-1'");
        Assert.Equal(1, await RunCount("promote-model"));
        Assert.Equal(second, (await Get("/api/models/credit-risk/environments/production")).GetProperty("liveVersion").GetInt32());
    }

    [Fact]
    public async Task A_retried_monitoring_report_is_judged_once_and_a_reused_observation_id_with_other_metrics_is_a_409()
    {
        await _http.ReleaseCreditModel();
        var live = (await Get("/api/models/credit-risk/environments/production")).GetProperty("liveVersion").GetInt32();
        var reportsBefore = (await Get(Monitoring)).GetProperty("reports").GetArrayLength();

        var first = await _http.SendAsync(WithKey(Post(Monitoring, new { version = live, metrics = new { drift = 0.04 } }), "report-1").As("credit-monitoring-service"));
        var retried = await _http.SendAsync(WithKey(Post(Monitoring, new { version = live, metrics = new { drift = 0.04 } }), "report-1").As("credit-monitoring-service"));
        var otherMetrics = await _http.SendAsync(WithKey(Post(Monitoring, new { version = live, metrics = new { drift = 0.05 } }), "report-1").As("credit-monitoring-service"));
        await _http.SendAsync(Post(Monitoring, new { version = live, metrics = new { drift = 0.02 }, observationId = "2026-12-w1" }).As("credit-monitoring-service"));
        var reusedObservation = await _http.SendAsync(
            Post(Monitoring, new { version = live, metrics = new { drift = 0.03 }, observationId = "2026-12-w1" }).As("credit-monitoring-service"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("allowed", (await first.Body()).GetProperty("outcome").GetString());
        await AssertSameAnswer(first, retried);
        await RunsApiTests.AssertProblem(otherMetrics, HttpStatusCode.Conflict, "'report-1'");
        var problem = await RunsApiTests.AssertProblem(reusedObservation, HttpStatusCode.Conflict, "observationId '2026-12-w1' was reported before");
        Assert.Equal("observationId", problem.GetProperty("where").GetString());
        Assert.Equal(reportsBefore + 2, (await Get(Monitoring)).GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task A_retried_role_request_gets_the_first_request_and_asks_once()
    {
        var grant = new { principal = "erin", role = "validator", unit = "model-validation", reason = "joins validation" };

        var first = await _http.SendAsync(WithKey(Post("/api/identity/role-requests", grant), "grant-1").As("ada"));
        var retried = await _http.SendAsync(WithKey(Post("/api/identity/role-requests", grant), "grant-1").As("ada"));
        var otherRole = await _http.SendAsync(WithKey(Post("/api/identity/role-requests", grant with { role = "approver" }), "grant-1").As("ada"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertSameAnswer(first, retried);
        await RunsApiTests.AssertProblem(otherRole, HttpStatusCode.Conflict, "'grant-1'");
        var requests = await Get("/api/identity/role-requests?status=pending");
        Assert.Single(requests.EnumerateArray(), r => r.GetProperty("principal").GetString() == "erin");
    }

    /// <summary>A start the gate blocks before training: a real run, quickly answered.</summary>
    private static HttpRequestMessage BlockedStart(string purpose) =>
        RunsApiTests.StartCreditRun(new Dictionary<string, object> { ["purpose"] = purpose });

    private static HttpRequestMessage Json(string uri, string body) =>
        new(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    internal static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>The retry got the first answer from the store: its status, location and the very same bytes.</summary>
    internal static async Task AssertSameAnswer(HttpResponseMessage first, HttpResponseMessage retried)
    {
        Assert.Equal(first.StatusCode, retried.StatusCode);
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retried.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retried.Headers.GetValues("Idempotent-Replayed"));
    }

    private static string RunId(JsonElement run) => run.GetProperty("runId").GetString()!;

    private async Task<int> RunCount(string workflowId) =>
        (await Get($"/api/runs?workflowId={workflowId}&limit=1000")).GetArrayLength();

    private async Task<JsonElement> Get(string uri)
    {
        var response = await _http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }
}
