using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>The evidence documents of a deployed version, over HTTP: generated from the registry and the audit trail.</summary>
public sealed class ModelDocumentsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Theory]
    [InlineData("model-card.md", "text/markdown")]
    [InlineData("model-card.html", "text/html")]
    [InlineData("annex-iv.md", "text/markdown")]
    [InlineData("annex-iv.html", "text/html")]
    public async Task Each_document_of_a_deployed_version_downloads_identically_twice_and_names_its_artifact(string document, string mediaType)
    {
        var (name, version) = await DeployedCreditModel();
        var artifactSha = (await (await _http.GetAsync($"/api/models/{name}/versions/{version}")).Body())
            .GetProperty("registration").GetProperty("artifactSha256").GetString()!;
        var uri = $"/api/models/{name}/versions/{version}/documents/{document}";

        var first = await _http.GetAsync(uri);
        var second = await _http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(mediaType, first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", first.Content.Headers.ContentType.CharSet);
        var content = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(content, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(content))}\"", first.Headers.ETag!.Tag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        var text = System.Text.Encoding.UTF8.GetString(content);
        Assert.Contains(artifactSha, text, StringComparison.Ordinal);
        Assert.Contains("vera", text, StringComparison.Ordinal);
        // The thresholds alice fixed at start, as the gate checked them (read back from the decisions' input snapshots).
        Assert.Contains("min 0.7", text, StringComparison.Ordinal);
        Assert.Contains("max 0.1", text, StringComparison.Ordinal);
        Assert.Contains("passed (", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_holding_the_current_etag_gets_304()
    {
        var (name, version) = await DeployedCreditModel();
        var uri = $"/api/models/{name}/versions/{version}/documents/annex-iv.md";
        var etag = (await _http.GetAsync(uri)).Headers.ETag!;

        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));

        Assert.Equal(HttpStatusCode.NotModified, (await _http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_problem_naming_the_documents()
    {
        var (name, version) = await DeployedCreditModel();

        var response = await _http.GetAsync($"/api/models/{name}/versions/{version}/documents/model-card.pdf");

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.NotFound, "model-card.pdf");
        Assert.Contains("annex-iv.html", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_version_is_a_404_problem()
    {
        await RunsApiTests.AssertProblem(
            await _http.GetAsync("/api/models/credit-risk/versions/999/documents/model-card.md"), HttpStatusCode.NotFound, "no version 999");
    }

    [Fact]
    public async Task The_documents_are_frozen_at_approval_with_their_hashes_in_the_audit_trail_before_any_deployment()
    {
        var (name, version) = await DeployedCreditModel();
        var runId = (await (await _http.GetAsync($"/api/models/{name}/versions/{version}")).Body()).GetProperty("ownerRunId").GetString();

        var audit = (await (await _http.GetAsync($"/api/runs/{runId}/audit")).Body()).EnumerateArray().ToList();

        var kinds = audit.Select(r => r.GetProperty("kind").GetString()).ToList();
        var frozenAt = kinds.IndexOf("evidence.generated");
        Assert.Equal("task.approved", kinds[frozenAt - 1]);
        Assert.Contains("stage.completed", kinds.Skip(frozenAt));
        using var payload = System.Text.Json.JsonDocument.Parse(audit[frozenAt].GetProperty("payloadJson").GetString()!);
        var documents = payload.RootElement.GetProperty("details").GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["model-card.md", "model-card.html", "annex-iv.md", "annex-iv.html"], documents.Select(d => d.GetProperty("file").GetString()));
        foreach (var document in documents)
        {
            var sha256 = document.GetProperty("sha256").GetString()!;
            var frozen = await _http.GetAsync($"/api/evidence/{sha256}");
            Assert.Equal(HttpStatusCode.OK, frozen.StatusCode);
            var bytes = await frozen.Content.ReadAsByteArrayAsync();
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal($"\"{sha256}\"", frozen.Headers.ETag?.Tag);
        }

        var card = await _http.GetStringAsync($"/api/evidence/{documents[0].GetProperty("sha256").GetString()}");
        Assert.Contains("bob", card, StringComparison.Ordinal);
        Assert.DoesNotContain("production", card, StringComparison.Ordinal);
        await RunsApiTests.AssertProblem(await _http.GetAsync($"/api/evidence/{new string('0', 64)}"), HttpStatusCode.NotFound, "No evidence document");
        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/evidence/not-a-hash"), HttpStatusCode.BadRequest, "not-a-hash");
    }

    /// <summary>The README's run: alice starts, vera signs the validation off, bob approves; the version deploys.</summary>
    private async Task<(string Name, int Version)> DeployedCreditModel()
    {
        var run = await (await _http.SendAsync(RunsApiTests.StartCreditRun().As("alice"))).Body();
        var runId = run.GetProperty("runId").GetString();
        var validated = await _http.SendAsync(
            Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "results reproduced" }).As("vera"));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        var approved = await (await _http.SendAsync(
            Post($"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "approve", comment = "reviewed" }).As("bob"))).Body();
        Assert.Equal("completed", approved.GetProperty("status").GetString());
        var model = approved.GetProperty("model");
        return (model.GetProperty("name").GetString()!, model.GetProperty("version").GetInt32());
    }
}
