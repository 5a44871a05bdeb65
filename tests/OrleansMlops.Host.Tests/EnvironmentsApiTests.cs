using System.Net;
using System.Text.Json;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>Environments over HTTP: what is live where and when, promotion and rollback as governed runs.</summary>
public sealed class EnvironmentsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task Releases_promotions_and_a_rollback_are_answered_by_the_environment_history()
    {
        var first = await Release();
        var second = await Release();
        Assert.Equal(first + 1, second);
        var production = await Get("/api/models/credit-risk/environments/production");
        Assert.Equal((second, first), (production.GetProperty("liveVersion").GetInt32(), production.GetProperty("rollbackTarget").GetInt32()));
        var secondLive = production.GetProperty("history").EnumerateArray().Last().GetProperty("at").GetString()!;

        var refused = await _http.SendAsync(Post("/api/models/credit-risk/environments/production/rollback", new { reason = "too short" }).As("dora"));
        var blocked = await refused.Body();
        Assert.Equal(HttpStatusCode.Created, refused.StatusCode);
        Assert.Equal("blocked", blocked.GetProperty("status").GetString());

        var rolledBack = await _http.SendAsync(
            Post("/api/models/credit-risk/environments/production/rollback", new { reason = "INC-4711: approval rates drifted" }).As("dora"));
        Assert.Equal(HttpStatusCode.Created, rolledBack.StatusCode);
        Assert.Equal("completed", (await rolledBack.Body()).GetProperty("status").GetString());

        var after = await Get("/api/models/credit-risk/environments/production");
        Assert.Equal(first, after.GetProperty("liveVersion").GetInt32());
        Assert.Equal("rollback", after.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString());
        var then = await Get($"/api/models/credit-risk/environments/production/version-at?time={Uri.EscapeDataString(secondLive)}");
        Assert.Equal(second, then.GetProperty("version").GetInt32());
        var before = await Get("/api/models/credit-risk/environments/production/version-at?time=2000-01-01T00:00:00Z");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("version").ValueKind);

        var promoted = await _http.SendAsync(
            Post($"/api/models/credit-risk/versions/{second}/promote", new { environment = "production", reason = "fix verified" }).As("dora"));
        Assert.Equal("completed", (await promoted.Body()).GetProperty("status").GetString());
        var history = (await Get("/api/models/credit-risk/environments/production")).GetProperty("history").EnumerateArray().Select(e => e.GetRawText()).ToList();
        var page = (await Get("/api/models/credit-risk/environments/production/history?after=1&limit=2")).EnumerateArray().Select(e => e.GetRawText());
        Assert.Equal(history.Skip(1).Take(2), page);
        Assert.Equal(history, (await Get("/api/models/credit-risk/environments/production/history")).EnumerateArray().Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task Bad_requests_are_problems_naming_what_is_wrong()
    {
        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/models/credit-risk/environments/Prod!"), HttpStatusCode.BadRequest, "Prod!");
        await RunsApiTests.AssertProblem(
            await _http.GetAsync("/api/models/credit-risk/environments/production/version-at?time=yesterday"), HttpStatusCode.BadRequest, "yesterday");
        await RunsApiTests.AssertProblem(
            await _http.GetAsync("/api/models/credit-risk/environments/production/history?limit=0"), HttpStatusCode.BadRequest, "limit must be 1 to 1000");
        await RunsApiTests.AssertProblem(
            await factory.CreateClient().SendAsync(Post("/api/models/credit-risk/environments/production/rollback", new { reason = "INC-1: no identity" })),
            HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/credit-risk/environments/nowhere/rollback", new { reason = "INC-2: nothing there" }).As("dora")),
            HttpStatusCode.Conflict, "No version of 'credit-risk' was ever live in nowhere");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/credit-risk/versions/999/promote", new { environment = "staging" }).As("dora")),
            HttpStatusCode.BadRequest, "credit-risk/999, which is not registered");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/credit-risk/versions/1/promote", new { environment = "" }).As("dora")),
            HttpStatusCode.BadRequest, "is not a valid name");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reason\":\"  \"}")]
    public async Task A_rollback_without_a_reason_is_a_400_naming_the_field_and_starts_no_run(string body)
    {
        await Release();
        await Release();
        var runsBefore = (await Get("/api/runs?workflowId=rollback-model")).GetArrayLength();
        var before = await Get("/api/models/credit-risk/environments/production");

        var refused = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/models/credit-risk/environments/production/rollback")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        }.As("dora"));

        var problem = await RunsApiTests.AssertProblem(refused, HttpStatusCode.BadRequest, "reason is required");
        Assert.Equal("reason", problem.GetProperty("where").GetString());
        Assert.Equal(runsBefore, (await Get("/api/runs?workflowId=rollback-model")).GetArrayLength());
        var after = await Get("/api/models/credit-risk/environments/production");
        Assert.Equal(before.GetProperty("liveVersion").GetInt32(), after.GetProperty("liveVersion").GetInt32());
    }

    [Fact]
    public async Task Aliases_name_released_versions_and_keep_their_history()
    {
        var version = await Release();

        var set = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/models/credit-risk/aliases/champion")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { version, reason = "first release" }),
        }.As("dora"));
        var removed = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/models/credit-risk/aliases/challenger?reason=none").As("dora"));
        var aliases = await Get("/api/models/credit-risk/aliases");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(version, aliases.GetProperty("aliases").GetProperty("champion").GetInt32());
        var change = aliases.GetProperty("history").EnumerateArray().Last(c => c.GetProperty("alias").GetString() == "champion");
        Assert.Equal(("dora", "first release"), (change.GetProperty("actor").GetString(), change.GetProperty("reason").GetString()));
        var missing = await RunsApiTests.AssertProblem(
            await _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/models/credit-risk/aliases/champion")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { version = 999 }),
            }.As("dora")),
            HttpStatusCode.Conflict, "has no version 999");
        Assert.Equal(("NotRegistered", "models"), (missing.GetProperty("code").GetString(), missing.GetProperty("area").GetString()));
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/models/credit-risk/aliases/Champion!").As("dora")),
            HttpStatusCode.BadRequest, "Champion!");
        await RunsApiTests.AssertProblem(
            await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/models/credit-risk/aliases/champion")), HttpStatusCode.Unauthorized, "Authorization: Bearer");
    }

    private Task<int> Release() => _http.ReleaseCreditModel();

    private async Task<JsonElement> Get(string uri)
    {
        var response = await _http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }
}
