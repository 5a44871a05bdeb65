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

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
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

    private static HttpRequestMessage Put(string uri, string xml) =>
        new HttpRequestMessage(HttpMethod.Put, uri) { Content = new StringContent(xml, Encoding.UTF8, "application/xml") }.As("dana");
}
