using System.Net;
using System.Text;
using System.Text.Json;
using OrleansMlops.Testing;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>The HTTP API the README shows, and how it refuses bad input: ProblemDetails, nothing stored.</summary>
public sealed class RunsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_run_started_over_http_is_validated_by_an_independent_validator_approved_by_a_second_identity_and_deployed()
    {
        var started = await _http.SendAsync(StartCreditRun().As("alice"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var run = await started.Body();
        var runId = run.GetProperty("runId").GetString()!;
        Assert.Equal($"/api/runs/{runId}", started.Headers.Location!.OriginalString);
        Assert.Equal("waitingForUser", run.GetProperty("status").GetString());
        Assert.InRange(run.GetProperty("variables").GetProperty("auc").GetDouble(), 0.70, 1.0);
        Assert.Equal("credit-risk", run.GetProperty("variables").GetProperty("model.name").GetString());
        Assert.Equal("UserTask_ValidationReview", run.GetProperty("openTasks")[0].GetProperty("taskId").GetString());

        var validated = await _http.SendAsync(
            Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "Challenged and reproduced" }).As("vera"));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        Assert.Equal("UserTask_ApproveModel", (await validated.Body()).GetProperty("openTasks")[0].GetProperty("taskId").GetString());

        var approved = await _http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "approve", comment = "Reviewed" }).As("bob"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("completed", (await approved.Body()).GetProperty("status").GetString());

        var model = (await approved.Body()).GetProperty("model");
        var version = await (await _http.GetAsync($"/api/models/{model.GetProperty("name").GetString()}/versions/{model.GetProperty("version").GetInt32()}")).Body();
        Assert.Equal("deployed", version.GetProperty("lifecycle").GetString());
        Assert.Equal(9, version.GetProperty("documents").GetArrayLength());
        Assert.True(version.TryGetProperty("revalidationDueAt", out _));

        var verify = await (await _http.GetAsync($"/api/runs/{runId}/audit/verify")).Body();
        Assert.True(verify.GetProperty("valid").GetBoolean());

        var listed = await (await _http.GetAsync("/api/runs?workflowId=credit-risk&status=completed")).Body();
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("runId").GetString() == runId);
    }

    [Fact]
    public async Task The_submitter_approving_gets_403_problem_details_and_the_task_stays_open()
    {
        var run = await (await _http.SendAsync(StartCreditRun().As("mallory"))).Body();
        var runId = run.GetProperty("runId").GetString();
        var validated = await _http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve" }).As("vera"));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);

        var refused = await _http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "approve" }).As("mallory"));

        await AssertProblem(refused, HttpStatusCode.Forbidden, "Four-eyes");
        var after = await (await _http.GetAsync($"/api/runs/{runId}")).Body();
        Assert.Equal("waitingForUser", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_submitter_rejecting_their_own_approval_gets_403_and_the_task_stays_open()
    {
        var run = await (await _http.SendAsync(StartCreditRun().As("mallory"))).Body();
        var runId = run.GetProperty("runId").GetString();
        var validated = await _http.SendAsync(
            Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "reproduced" }).As("vera"));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);

        var refused = await _http.SendAsync(
            Post($"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "reject", comment = "changed my mind" }).As("mallory"));

        await AssertProblem(refused, HttpStatusCode.Forbidden, "may not reject it");
        var after = await (await _http.GetAsync($"/api/runs/{runId}")).Body();
        Assert.Equal("UserTask_ApproveModel", after.GetProperty("openTasks")[0].GetProperty("taskId").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_rejection_without_a_comment_is_a_400_naming_the_field_and_the_task_stays_open(string? comment)
    {
        var run = await (await _http.SendAsync(StartCreditRun().As("alice"))).Body();
        var runId = run.GetProperty("runId").GetString();

        var refused = await _http.SendAsync(
            Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "reject", comment }).As("vera"));

        var problem = await AssertProblem(refused, HttpStatusCode.BadRequest, "comment is required");
        Assert.Equal("comment", problem.GetProperty("where").GetString());
        var after = await (await _http.GetAsync($"/api/runs/{runId}")).Body();
        Assert.Equal("UserTask_ValidationReview", after.GetProperty("openTasks")[0].GetProperty("taskId").GetString());
        Assert.Equal(run.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_submitter_validating_their_own_run_gets_403_problem_details()
    {
        var run = await (await _http.SendAsync(StartCreditRun().As("mallory"))).Body();
        var runId = run.GetProperty("runId").GetString();

        var refused = await _http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve" }).As("mallory"));

        await AssertProblem(refused, HttpStatusCode.Forbidden, "Independent validation");
        var after = await (await _http.GetAsync($"/api/runs/{runId}")).Body();
        Assert.Equal("UserTask_ValidationReview", after.GetProperty("openTasks")[0].GetProperty("taskId").GetString());
    }

    [Fact]
    public async Task A_gateway_incident_blocks_the_run_naming_the_flow_and_a_retry_over_http_routes_it_once_the_variable_is_set()
    {
        const string bpmn = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="d" targetNamespace="http://orleans-mlops.dev/tests">
              <bpmn:process id="incident-over-http" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
                <bpmn:parallelGateway id="fork" />
                <bpmn:sequenceFlow id="toRoute" sourceRef="fork" targetRef="route" />
                <bpmn:sequenceFlow id="toCheck" sourceRef="fork" targetRef="check" />
                <bpmn:exclusiveGateway id="route" name="Checked?" default="go" />
                <bpmn:sequenceFlow id="skip" sourceRef="route" targetRef="skipped">
                  <bpmn:conditionExpression>${!checked}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="go" sourceRef="route" targetRef="went" />
                <bpmn:userTask id="check" name="Check" mlops:candidateRoles="approver" mlops:outcomeVariable="checked" />
                <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="checked" />
                <bpmn:endEvent id="skipped" />
                <bpmn:endEvent id="went" />
                <bpmn:endEvent id="checked" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var published = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/workflows/incident-over-http")
        {
            Content = new StringContent(bpmn, Encoding.UTF8, "application/xml"),
        }.As("dana"));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        var started = await (await _http.SendAsync(Post("/api/runs", new { workflowId = "incident-over-http" }).As("alice"))).Body();
        var runId = started.GetProperty("runId").GetString();
        Assert.Equal("blocked", started.GetProperty("status").GetString());
        Assert.Contains("flow 'skip' (${!checked}): 'not' needs a boolean, not null", started.GetProperty("problem").GetString(), StringComparison.Ordinal);

        var stillBroken = await (await _http.SendAsync(Post($"/api/runs/{runId}/retry", new { }).As("alice"))).Body();
        Assert.Equal("blocked", stillBroken.GetProperty("status").GetString());

        await _http.SendAsync(Post($"/api/runs/{runId}/tasks/check", new { decision = "reject", comment = "not checked yet" }).As("bob"));
        var retried = await _http.SendAsync(Post($"/api/runs/{runId}/retry", new { }).As("alice"));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var done = await retried.Body();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(2, done.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "run.retried"));
        await AssertProblem(await _http.SendAsync(Post($"/api/runs/{runId}/retry", new { }).As("alice")), HttpStatusCode.Conflict, "Completed");
    }

    [Fact]
    public async Task The_workflows_folder_is_published_at_start()
    {
        var workflows = await (await _http.GetAsync("/api/workflows")).Body();
        Assert.Contains(workflows.EnumerateArray(), w => w.GetProperty("workflowId").GetString() == "credit-risk");

        var bpmn = await _http.GetAsync("/api/workflows/credit-risk/versions/1/bpmn");
        Assert.Equal("application/xml", bpmn.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Workflow("credit-risk")), await bpmn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_position_and_starts_nothing()
    {
        var before = await RunCount();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = new StringContent("{\"workflowId\": \"credit-risk\", \"parameters\": {", Encoding.UTF8, "application/json"),
        }.As("alice");

        var response = await _http.SendAsync(request);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "line");
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Equal(before, await RunCount());
    }

    [Theory]
    [InlineData("{\"parameters\": {}}", "workflowId")]
    [InlineData("{\"workflowId\": \"credit-risk\", \"parameters\": {\"nested\": {\"a\": 1}}}", "parameters.nested")]
    [InlineData("{\"workflowId\": \"credit-risk\", \"runId\": \"../../etc\"}", "runId")]
    public async Task Invalid_start_requests_are_400s_naming_the_field(string body, string field)
    {
        var before = await RunCount();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent(body, Encoding.UTF8, "application/json") }
            .As("alice");

        await AssertProblem(await _http.SendAsync(request), HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await RunCount());
    }

    [Fact]
    public async Task Starting_an_unknown_workflow_is_a_404_and_stores_no_run()
    {
        var before = await RunCount();

        var response = await _http.SendAsync(Post("/api/runs", new { workflowId = "does-not-exist", runId = "run-unknown-workflow" }).As("alice"));

        await AssertProblem(response, HttpStatusCode.NotFound, "does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/runs/run-unknown-workflow")).StatusCode);
        Assert.Equal(before, await RunCount());
    }

    [Fact]
    public async Task Unknown_runs_and_tasks_are_404_problem_details()
    {
        await AssertProblem(await _http.GetAsync("/api/runs/run-nobody-started"), HttpStatusCode.NotFound, "run-nobody-started");
        await AssertProblem(
            await _http.SendAsync(Post("/api/runs/run-nobody-started/tasks/UserTask_ApproveModel", new { decision = "approve" }).As("bob")),
            HttpStatusCode.NotFound,
            "run-nobody-started");
        await AssertProblem(await _http.GetAsync("/api/runs/run-nobody-started/audit/verify"), HttpStatusCode.NotFound, "run-nobody-started");
    }

    [Fact]
    public async Task Acting_on_a_finished_run_is_a_409()
    {
        var run = await (await _http.SendAsync(StartCreditRun().As("alice"))).Body();
        var runId = run.GetProperty("runId").GetString();
        await _http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "reject", comment = "AUC not reproduced" }).As("vera"));

        var again = await _http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve" }).As("vera"));

        await AssertProblem(again, HttpStatusCode.Conflict, "Completed");
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_400_listing_the_statuses()
    {
        await AssertProblem(await _http.GetAsync("/api/runs?status=sleeping"), HttpStatusCode.BadRequest, "WaitingForUser");
    }

    [Fact]
    public async Task An_unknown_decision_is_a_400()
    {
        var response = await _http.SendAsync(Post("/api/runs/run-x/tasks/UserTask_ApproveModel", new { decision = "maybe" }).As("bob"));

        await AssertProblem(response, HttpStatusCode.BadRequest, "decision");
    }

    [Fact]
    public async Task A_missing_identity_is_a_401_problem()
    {
        await AssertProblem(await factory.CreateClient().SendAsync(StartCreditRun()), HttpStatusCode.Unauthorized, "Authorization: Bearer");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_and_stores_nothing()
    {
        var before = await RunCount();
        var huge = new { workflowId = "credit-risk", parameters = new { notes = new string('x', 100_000) } };

        var response = await _http.SendAsync(Post("/api/runs", huge).As("alice"));

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "limit");
        Assert.Equal(before, await RunCount());
    }

    /// <summary>The README's start request: what the release declares, and the thresholds fixed before anything is measured.</summary>
    internal static HttpRequestMessage StartCreditRun(object? parameters = null) => Post("/api/runs", new
    {
        workflowId = "credit-risk",
        parameters = parameters ?? new Dictionary<string, object>
        {
            ["purpose"] = "creditworthiness assessment of retail loan applicants",
            ["riskClass"] = "high",
            ["owner"] = "head-of-retail-credit",
            ["tier"] = "1",
            ["threshold.auc.min"] = 0.70,
            ["threshold.disparity.max"] = 0.10,
        },
    });

    private async Task<int> RunCount() => (await (await _http.GetAsync("/api/runs?limit=1000")).Body()).GetArrayLength();

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Body();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        return problem;
    }
}
