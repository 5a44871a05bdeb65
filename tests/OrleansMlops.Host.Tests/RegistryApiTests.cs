using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>The model registry read model over HTTP: search by each filter, lineage both ways, tags.</summary>
public sealed class RegistryApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task Versions_are_searchable_by_name_stage_environment_tag_risk_class_and_owner()
    {
        var released = await Release(await StartTagged("retail,scorecard"));
        var challenger = await StartTagged("challenger");
        var releasedView = await Version(released);
        var liveIn = releasedView.GetProperty("liveIn").EnumerateArray().Select(e => e.GetString()!).ToList();
        var releasedStage = releasedView.GetProperty("lifecycle").GetString()!;
        Assert.NotEmpty(liveIn);
        Assert.NotEqual("registered", releasedStage);

        // Other tests of this class share the database: compare only among this test's two versions, newest first.
        async Task<List<ModelKey>> Among(string query) => [.. (await Search(query)).Where(k => k == challenger || k == released)];

        Assert.Equal([challenger, released], await Among("name=credit-risk"));
        Assert.Equal([released], await Search("tag=retail"));
        Assert.Equal([released], await Search("tag=scorecard&name=credit-risk"));
        Assert.Equal([challenger], await Search("tag=challenger"));
        Assert.Equal([challenger], await Among("stage=Registered"));
        Assert.Equal([released], await Among($"stage={releasedStage}"));
        Assert.Equal([released], await Among($"environment={liveIn[0]}"));
        Assert.Empty(await Search($"environment={liveIn[0]}&tag=challenger"));
        Assert.Equal([challenger, released], await Among("riskClass=high"));
        Assert.Empty(await Search("riskClass=minimal"));
        Assert.Equal([challenger, released], await Among("owner=head-of-retail-credit"));
        Assert.Empty(await Search("owner=nobody"));
        Assert.Empty(await Search("name=no-such-model"));
        Assert.Equal([challenger], await Search("limit=1"));

        var summary = (await (await _http.GetAsync("/api/models?tag=retail")).Body())[0];
        Assert.Equal(["retail", "scorecard"], summary.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(liveIn, summary.GetProperty("environments").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("bob", summary.GetProperty("approvedBy").GetString());
    }

    [Fact]
    public async Task Lineage_is_what_the_version_holds_and_the_data_set_and_its_files_lead_back_to_the_version()
    {
        var key = await StartTagged("lineage");
        var view = await Version(key);
        var expected = view.GetProperty("registration").GetProperty("lineage");

        var response = await _http.GetAsync($"/api/models/{key.Name}/versions/{key.Version}/lineage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lineage = await response.Body();
        Assert.Equal(view.GetProperty("registration").GetProperty("artifactSha256").GetString(), lineage.GetProperty("artifactSha256").GetString());
        foreach (var field in new[] { "datasetId", "datasetVersion", "codeCommit", "trainedBy" })
        {
            Assert.Equal(expected.GetProperty(field).GetString(), lineage.GetProperty(field).GetString());
        }

        Assert.Equal(expected.GetProperty("trainedAt").GetDateTimeOffset(), lineage.GetProperty("trainedAt").GetDateTimeOffset());
        Assert.Equal(Normalized(expected.GetProperty("files")), Normalized(lineage.GetProperty("files")));
        Assert.Equal(Normalized(expected.GetProperty("parameters")), Normalized(lineage.GetProperty("parameters")));
        Assert.Equal(Normalized(expected.GetProperty("environment")), Normalized(lineage.GetProperty("environment")));
        Assert.Equal(Normalized(view.GetProperty("registration").GetProperty("trainingMetrics")), Normalized(lineage.GetProperty("trainingMetrics")));
        Assert.Equal(3, lineage.GetProperty("files").GetArrayLength());

        var datasetId = expected.GetProperty("datasetId").GetString()!;
        var datasetVersion = expected.GetProperty("datasetVersion").GetString()!;
        Assert.Contains(key, await Keys($"/api/datasets/{datasetId}/models"));
        Assert.Contains(key, await Keys($"/api/datasets/{datasetId}/models?version={Uri.EscapeDataString(datasetVersion)}"));
        Assert.DoesNotContain(key, await Keys($"/api/datasets/{datasetId}/models?version=1999-01-01"));
        Assert.Empty(await Keys("/api/datasets/no-such-data-set/models"));
        var trainFile = expected.GetProperty("files").EnumerateArray().First(f => f.GetProperty("role").GetString() == "train");
        var sha256 = trainFile.GetProperty("sha256").GetString()!;
        Assert.Contains(key, await Keys($"/api/lineage/files/{sha256}/models"));
        Assert.Contains(key, await Keys($"/api/lineage/files/{sha256.ToUpperInvariant()}/models"));
        Assert.Empty(await Keys($"/api/lineage/files/{new string('0', 64)}/models"));

        await RunsApiTests.AssertProblem(await _http.GetAsync($"/api/models/{key.Name}/versions/999/lineage"), HttpStatusCode.NotFound, "999");
    }

    [Theory]
    [InlineData("/api/models?stage=sleeping", "stage")]
    [InlineData("/api/models?stage=3", "stage")]
    [InlineData("/api/models?tag=Retail%20Credit", "Retail Credit")]
    [InlineData("/api/models?limit=0", "limit")]
    [InlineData("/api/models?limit=5000", "limit")]
    [InlineData("/api/lineage/files/not-a-hash/models", "sha256")]
    [InlineData("/api/lineage/files/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg/models", "64 hexadecimal")]
    public async Task Bad_filters_are_400_problem_details_naming_the_filter(string uri, string detail)
    {
        await RunsApiTests.AssertProblem(await _http.GetAsync(uri), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Tags_are_replaced_by_an_identified_caller_and_recorded_in_the_history()
    {
        var key = await StartTagged("legacy");
        var uri = $"/api/models/{key.Name}/versions/{key.Version}/tags";

        await RunsApiTests.AssertProblem(await factory.CreateClient().SendAsync(PutTags(uri, "scorecard")), HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(await _http.SendAsync(PutTags(uri, "ok", "Not OK").As("alice")), HttpStatusCode.BadRequest, "'Not OK'");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(PutTags($"/api/models/{key.Name}/versions/999/tags", "scorecard").As("alice")), HttpStatusCode.NotFound, "999");
        Assert.Equal(["legacy"], await TagsOf(key));

        var response = await _http.SendAsync(PutTags(uri, "scorecard", "champion", "scorecard").As("alice"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Body();
        Assert.Equal(["champion", "scorecard"], view.GetProperty("registration").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var entry = view.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("alice", "tags: champion,scorecard"), (entry.GetProperty("actor").GetString(), entry.GetProperty("detail").GetString()));
        Assert.Equal(["champion", "scorecard"], await TagsOf(key));
        Assert.Contains(key, await Search("tag=champion"));
        Assert.DoesNotContain(key, await Search("tag=legacy"));
    }

    private async Task<ModelKey> StartTagged(string tags)
    {
        var response = await _http.SendAsync(RunsApiTests.StartCreditRun(new Dictionary<string, object>
        {
            ["purpose"] = "creditworthiness assessment of retail loan applicants",
            ["riskClass"] = "high",
            ["owner"] = "head-of-retail-credit",
            ["tier"] = "1",
            ["threshold.auc.min"] = 0.70,
            ["threshold.disparity.max"] = 0.10,
            ["tags"] = tags,
        }).As("alice"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = await response.Body();
        Assert.Equal("waitingForUser", run.GetProperty("status").GetString());
        var model = run.GetProperty("model");
        return new ModelKey(model.GetProperty("name").GetString()!, model.GetProperty("version").GetInt32(), run.GetProperty("runId").GetString()!);
    }

    private async Task<ModelKey> Release(ModelKey key)
    {
        var validated = await _http.SendAsync(
            Post($"/api/runs/{key.RunId}/tasks/UserTask_ValidationReview", new { decision = "approve" }).As("vera"));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        var approved = await _http.SendAsync(
            Post($"/api/runs/{key.RunId}/tasks/UserTask_ApproveModel", new { decision = "approve" }).As("bob"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return key;
    }

    private async Task<JsonElement> Version(ModelKey key)
    {
        var response = await _http.GetAsync($"/api/models/{key.Name}/versions/{key.Version}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }

    private async Task<List<ModelKey>> Search(string query) => await Keys($"/api/models?{query}");

    private async Task<List<ModelKey>> Keys(string uri)
    {
        var response = await _http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Body()).EnumerateArray().Select(s => new ModelKey(s.GetProperty("name").GetString()!, s.GetProperty("version").GetInt32()))];
    }

    private async Task<List<string>> TagsOf(ModelKey key) =>
        [.. (await Version(key)).GetProperty("registration").GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];

    private static HttpRequestMessage PutTags(string uri, params string[] tags) =>
        new(HttpMethod.Put, uri) { Content = JsonContent.Create(new { tags }, options: Json) };

    // Compares JSON values regardless of property order (dictionaries come back in any order).
    private static string Normalized(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{Normalized(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Normalized)) + "]",
        _ => element.GetRawText(),
    };

    /// <summary>A model version; equality ignores the run, so it matches what the registry lists.</summary>
    private sealed record ModelKey(string Name, int Version, string RunId = "")
    {
        public bool Equals(ModelKey? other) => other is not null && other.Name == Name && other.Version == Version;

        public override int GetHashCode() => HashCode.Combine(Name, Version);
    }
}
