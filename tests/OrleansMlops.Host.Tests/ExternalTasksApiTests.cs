using System.Net;
using System.Text;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>An external worker over HTTP, as a script with curl would do it: long-poll, complete, complete again.</summary>
public sealed class ExternalTasksApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private const string Workflow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="d" targetNamespace="urn:t">
          <bpmn:process id="external-scoring" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
            <bpmn:serviceTask id="score" name="Score in R" mlops:stage="score" mlops:topic="r.scoring" />
            <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_long_polling_worker_gets_the_job_completes_it_and_a_repeated_completion_is_acknowledged_once()
    {
        await Publish();
        var polling = _http.SendAsync(Post("/api/external-tasks/fetch-and-lock", new
        {
            workerId = "r-worker",
            topics = new[] { "r.scoring" },
            maxTasks = 1,
            lockDurationMs = 60_000,
            asyncResponseTimeoutMs = 20_000,
        }).As("r-service"));
        var started = await (await _http.SendAsync(
            Post("/api/runs", new { workflowId = "external-scoring", parameters = new { segment = "retail" } }).As("alice"))).Body();
        Assert.Equal("waitingForWorker", started.GetProperty("status").GetString());

        var fetched = await (await polling).Body();
        var job = Assert.Single(fetched.EnumerateArray().ToList());
        var jobId = job.GetProperty("job").GetProperty("jobId").GetString()!;
        Assert.Equal("retail", job.GetProperty("job").GetProperty("variables").GetProperty("segment").GetString());

        var body = new { workerId = "r-worker", variables = new { model = "glm" }, metrics = new { gini = 0.52 }, log = "converged after 7 iterations" };
        var first = await (await _http.SendAsync(Post($"/api/external-tasks/r.scoring/{jobId}/complete", body).As("r-service"))).Body();
        var second = await (await _http.SendAsync(Post($"/api/external-tasks/r.scoring/{jobId}/complete", body).As("r-service"))).Body();

        Assert.Equal(("applied", "alreadyCompleted"), (first.GetProperty("outcome").GetString(), second.GetProperty("outcome").GetString()));
        var run = await (await _http.GetAsync($"/api/runs/{started.GetProperty("runId").GetString()}")).Body();
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(0.52, run.GetProperty("variables").GetProperty("gini").GetDouble());
        var view = await (await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/external-tasks/r.scoring/{jobId}").As("r-service"))).Body();
        Assert.Equal(("completed", "r-service/r-worker", true), (view.GetProperty("state").GetString(), view.GetProperty("completedBy").GetString(), view.GetProperty("delivered").GetBoolean()));
    }

    [Fact]
    public async Task Another_service_naming_the_same_worker_id_cannot_complete_or_extend_the_job()
    {
        await Publish();
        var started = await (await _http.SendAsync(
            Post("/api/runs", new { workflowId = "external-scoring", parameters = new { segment = "wholesale" } }).As("alice"))).Body();
        var runId = started.GetProperty("runId").GetString();
        var locked = await (await _http.SendAsync(Post("/api/external-tasks/fetch-and-lock", new
        {
            workerId = "shared-name",
            topics = new[] { "r.scoring" },
            maxTasks = 10,
            lockDurationMs = 60_000,
            asyncResponseTimeoutMs = 10_000, // the job is queued just after the run reports waitingForWorker
        }).As("r-service"))).Body();
        var jobId = locked.EnumerateArray().Single(j => j.GetProperty("job").GetProperty("runId").GetString() == runId).GetProperty("job").GetProperty("jobId").GetString();

        var hijack = await _http.SendAsync(Post($"/api/external-tasks/r.scoring/{jobId}/complete", new { workerId = "shared-name", metrics = new { gini = 0.99 } }).As("svc"));
        var extend = await _http.SendAsync(Post($"/api/external-tasks/r.scoring/{jobId}/extend-lock", new { workerId = "shared-name", newDurationMs = 60_000 }).As("svc"));

        await RunsApiTests.AssertProblem(hijack, HttpStatusCode.Conflict, "'r-service/shared-name' holds it");
        await RunsApiTests.AssertProblem(extend, HttpStatusCode.Conflict, "'r-service/shared-name' holds it");
        var run = await (await _http.GetAsync($"/api/runs/{runId}")).Body();
        Assert.Equal("waitingForWorker", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_worker_requests_are_problems_naming_what_is_wrong()
    {
        await Publish();
        await RunsApiTests.AssertProblem(
            await factory.CreateClient().SendAsync(Post("/api/external-tasks/fetch-and-lock", new { workerId = "w", topics = new[] { "r.scoring" } })), HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/external-tasks/fetch-and-lock", new { workerId = "w", topics = Array.Empty<string>() }).As("svc")),
            HttpStatusCode.BadRequest, "topics");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/external-tasks/fetch-and-lock", new { workerId = "w", topics = new[] { "r.scoring" }, lockDurationMs = 0 }).As("svc")),
            HttpStatusCode.BadRequest, "lockDurationMs must be 1 to 86400000");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/external-tasks/r.scoring/job-none/complete", new { workerId = "w" }).As("svc")),
            HttpStatusCode.NotFound, "job-none");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/external-tasks/r.scoring/job-none/failure", new { workerId = "w" }).As("svc")),
            HttpStatusCode.BadRequest, "errorMessage");
    }

    private async Task Publish()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/external-scoring")
        {
            Content = new StringContent(Workflow, Encoding.UTF8, "application/xml"),
        }.As("dana");
        var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
