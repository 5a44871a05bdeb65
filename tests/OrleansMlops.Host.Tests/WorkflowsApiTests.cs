using System.Net;
using System.Text;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

public sealed class WorkflowsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task Malformed_bpmn_is_a_422_listing_each_problem_with_its_line_and_stores_nothing()
    {
        var response = await _http.SendAsync(Put("/api/workflows/broken", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"p\">\n</bpmn:definitions>"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = (await response.Body()).GetProperty("problems");
        Assert.True(problems.GetArrayLength() > 0);
        Assert.True(problems[0].GetProperty("line").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/workflows/broken")).StatusCode);
    }

    [Fact]
    public async Task Publishing_a_changed_workflow_creates_the_next_version_and_an_identical_one_does_not()
    {
        var xml = await File.ReadAllTextAsync(RepoPaths.Workflow("credit-risk"));

        var first = await _http.SendAsync(Put("/api/workflows/credit-risk-copy", xml));
        var same = await _http.SendAsync(Put("/api/workflows/credit-risk-copy", xml));
        var changed = await _http.SendAsync(Put("/api/workflows/credit-risk-copy", xml.Replace("PT48H", "PT24H", StringComparison.Ordinal)));

        // The credit release deploys models: a designer's version of it waits for a second designer.
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("awaitingApproval", (await first.Body()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(1, (await same.Body()).GetProperty("version").GetInt32());
        Assert.Equal(2, (await changed.Body()).GetProperty("version").GetInt32());
        Assert.Equal(2, (await (await _http.GetAsync("/api/workflows/credit-risk-copy")).Body()).GetArrayLength());
    }

    [Fact]
    public async Task A_document_type_declaration_is_refused()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</definitions>";

        var response = await _http.SendAsync(Put("/api/workflows/xxe", xxe));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_workflows_are_404_problem_details()
    {
        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/workflows/nope"), HttpStatusCode.NotFound, "nope");
        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/workflows/credit-risk/versions/99/bpmn"), HttpStatusCode.NotFound, "99");
    }

    [Fact]
    public async Task Validating_malformed_bpmn_lists_each_problem_with_its_line_and_publishes_nothing()
    {
        var before = (await (await _http.GetAsync("/api/workflows")).Body()).GetArrayLength();

        var response = await _http.SendAsync(Validate("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"p\">\n</bpmn:definitions>", "vera"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var validation = await response.Body();
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.True(validation.GetProperty("problems").GetArrayLength() > 0);
        Assert.Equal(3, validation.GetProperty("problems")[0].GetProperty("line").GetInt32());
        Assert.Equal(before, (await (await _http.GetAsync("/api/workflows")).Body()).GetArrayLength());
    }

    [Fact]
    public async Task Validating_a_good_workflow_names_its_process_and_hash_without_publishing_it()
    {
        var xml = await File.ReadAllTextAsync(RepoPaths.Workflow("credit-risk"));
        var published = await (await _http.GetAsync("/api/workflows/credit-risk")).Body();

        var validation = await (await _http.SendAsync(Validate(xml.Replace("PT48H", "PT12H", StringComparison.Ordinal), "vera"))).Body();

        Assert.True(validation.GetProperty("valid").GetBoolean());
        Assert.Equal(published[0].GetProperty("processId").GetString(), validation.GetProperty("processId").GetString());
        Assert.Equal(0, validation.GetProperty("problems").GetArrayLength());
        Assert.Equal(published.GetArrayLength(), (await (await _http.GetAsync("/api/workflows/credit-risk")).Body()).GetArrayLength());
    }

    [Fact]
    public async Task Validating_needs_a_signed_in_caller_and_a_body()
    {
        var anonymous = await factory.CreateClient().SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/workflows/validate") { Content = new StringContent("<x/>", Encoding.UTF8, "application/xml") });

        await RunsApiTests.AssertProblem(anonymous, HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(await _http.SendAsync(Validate(" ", "vera")), HttpStatusCode.BadRequest, "BPMN");
    }

    private static HttpRequestMessage Validate(string xml, string principal) =>
        new HttpRequestMessage(HttpMethod.Post, "/api/workflows/validate") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") }.As(principal);

    private static HttpRequestMessage Put(string uri, string xml) =>
        new HttpRequestMessage(HttpMethod.Put, uri) { Content = new StringContent(xml, Encoding.UTF8, "application/xml") }.As("dana");
}
