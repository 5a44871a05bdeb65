using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Maker-checker for workflows: a designer's version of a workflow that can release models is startable only once a
/// second designer approves it; the operator's folder publishes directly; every step is in the workflow's audit trail.
/// </summary>
public sealed class WorkflowApprovalApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private const string Scoring = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="d" targetNamespace="urn:t">
          <bpmn:process id="batch-scoring" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
            <bpmn:serviceTask id="score" name="Score a batch" mlops:stage="score" mlops:topic="batch.scoring" />
            <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_designers_version_of_a_release_workflow_is_startable_only_after_a_second_designer_approves_it()
    {
        var shipped = await File.ReadAllTextAsync(RepoPaths.Workflow("credit-risk"));
        var published = await Publish("credit-risk", shipped.Replace("PT48H", "PT24H", StringComparison.Ordinal), "dana");

        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        var pending = await published.Body();
        var version = pending.GetProperty("version").GetInt32();
        Assert.Equal(("awaitingApproval", "dana"), (pending.GetProperty("status").GetString(), pending.GetProperty("publishedBy").GetString()));
        var run = await (await _http.SendAsync(RunsApiTests.StartCreditRun().As("alice"))).Body();
        Assert.Equal(version - 1, run.GetProperty("workflow").GetProperty("version").GetInt32());
        await RunsApiTests.AssertProblem(await StartPinned(version), HttpStatusCode.Conflict, "awaits a second designer's approval");

        await RunsApiTests.AssertProblem(await Review("credit-risk", version, "approve", "dana", new { comment = "mine" }), HttpStatusCode.Forbidden, "a second designer must review it");
        await RunsApiTests.AssertProblem(await Review("credit-risk", version, "approve", "alice", new { comment = "ok" }), HttpStatusCode.Forbidden, "designer");
        var approved = await Review("credit-risk", version, "approve", "devon", new { comment = "escalation after 24 h agreed with model risk" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var startable = await approved.Body();
        Assert.Equal(("startable", "devon"), (startable.GetProperty("status").GetString(), startable.GetProperty("reviewedBy").GetString()));
        var next = await (await _http.SendAsync(RunsApiTests.StartCreditRun().As("alice"))).Body();
        Assert.Equal(version, next.GetProperty("workflow").GetProperty("version").GetInt32());
        await RunsApiTests.AssertProblem(await Review("credit-risk", version, "approve", "devon", new { comment = "again" }), HttpStatusCode.Conflict, "already reviewed by devon");
    }

    [Fact]
    public async Task A_rejected_version_never_starts_and_a_rejection_needs_a_reason()
    {
        var shipped = await File.ReadAllTextAsync(RepoPaths.Workflow("credit-risk"));
        var version = (await (await Publish("credit-risk-rejected", shipped, "dana")).Body()).GetProperty("version").GetInt32();

        await RunsApiTests.AssertProblem(await Review("credit-risk-rejected", version, "reject", "devon", new { reason = " " }), HttpStatusCode.BadRequest, "a rejection needs a reason");
        var rejected = await (await Review("credit-risk-rejected", version, "reject", "devon", new { reason = "duplicates credit-risk" })).Body();

        Assert.Equal(("rejected", "duplicates credit-risk"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("reviewComment").GetString()));
        var start = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = JsonContent.Create(new { workflowId = "credit-risk-rejected", parameters = new Dictionary<string, object>() }),
        }.As("alice"));
        await RunsApiTests.AssertProblem(start, HttpStatusCode.NotFound, "has no startable version");
    }

    [Fact]
    public async Task A_workflow_that_cannot_release_models_is_startable_as_its_designer_publishes_it()
    {
        var published = await Publish("batch-scoring", Scoring, "dana");

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal("startable", (await published.Body()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_workflow_trail_names_the_operators_file_the_designer_and_the_reviewer()
    {
        var shipped = await File.ReadAllTextAsync(RepoPaths.Workflow("rollback-model"));
        var version = (await (await Publish("rollback-model", shipped.Replace("Roll an environment back", "Return an environment to its previous version", StringComparison.Ordinal), "dana")).Body())
            .GetProperty("version").GetInt32();
        await Review("rollback-model", version, "approve", "devon", new { comment = "ok" });

        var verification = await (await _http.GetAsync("/api/workflows/rollback-model/audit/verify")).Body();
        var trail = await (await _http.GetAsync("/api/workflows/rollback-model/audit")).Body();

        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
        var kinds = trail.EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("actor").GetString())).ToList();
        Assert.Equal(
            [("workflow-published-by-operator", Path.Combine("workflows", "rollback-model.bpmn")), ("workflow-version-published", "dana"), ("workflow-version-approved", "devon")],
            kinds.Select(k => (k.Item1, k.Item2!.Replace("operator:", string.Empty, StringComparison.Ordinal))));
    }

    private Task<HttpResponseMessage> Publish(string workflowId, string xml, string designer) =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{workflowId}") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") }.As(designer));

    private Task<HttpResponseMessage> Review(string workflowId, int version, string verb, string designer, object body) =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{workflowId}/versions/{version}/{verb}") { Content = JsonContent.Create(body) }.As(designer));

    private Task<HttpResponseMessage> StartPinned(int version) =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { workflowId = "credit-risk", version, parameters = new Dictionary<string, object>() }), Encoding.UTF8, "application/json"),
        }.As("alice"));
}
