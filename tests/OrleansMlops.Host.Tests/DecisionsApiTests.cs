using System.Net;
using System.Text.Json;

namespace OrleansMlops.Host.Tests;

/// <summary>The decision log over HTTP: every gate decision of a run, filtered by run, rule, rule set, outcome and time.</summary>
public sealed class DecisionsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task Decisions_are_queryable_by_run_rule_rule_set_outcome_and_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var allowedRun = await StartRun(RunsApiTests.StartCreditRun());
        var blockedRun = await StartRun(RunsApiTests.StartCreditRun(new Dictionary<string, object> { ["purpose"] = "creditworthiness assessment of retail loan applicants" }));
        Assert.Equal("waitingForUser", allowedRun.GetProperty("status").GetString());
        Assert.Equal("blocked", blockedRun.GetProperty("status").GetString());
        var allowedId = allowedRun.GetProperty("runId").GetString()!;
        var blockedId = blockedRun.GetProperty("runId").GetString()!;

        var ofAllowed = await Decisions($"runId={allowedId}");
        Assert.Equal(["enter:validate", "enter:evidence", "enter:train"], ofAllowed.Select(d => d.GetProperty("transition").GetString()));
        Assert.All(ofAllowed, d => Assert.Equal("allowed", d.GetProperty("outcome").GetString()));
        Assert.Equal(
            allowedRun.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()).Reverse(),
            ofAllowed.Select(d => d.GetProperty("decisionId").GetString()));

        var blocked = Assert.Single(await Decisions($"runId={blockedId}&outcome=blocked"));
        Assert.Equal("enter:train", blocked.GetProperty("transition").GetString());
        var failedRule = blocked.GetProperty("failedRules")[0];
        var ruleName = failedRule.GetProperty("ruleName").GetString()!;
        var ruleSetId = failedRule.GetProperty("ruleSetId").GetString()!;
        Assert.Empty(await Decisions($"runId={allowedId}&outcome=blocked"));

        var byRule = await Decisions($"rule={Uri.EscapeDataString(ruleName)}&runId={allowedId}");
        Assert.Equal(["enter:train"], byRule.Select(d => d.GetProperty("transition").GetString()));
        Assert.Contains(await Decisions($"rule={Uri.EscapeDataString(ruleName)}&outcome=blocked"), d => d.GetProperty("runId").GetString() == blockedId);
        Assert.Contains(await Decisions($"ruleSet={ruleSetId}&runId={allowedId}"), d => d.GetProperty("transition").GetString() == "enter:train");
        Assert.DoesNotContain(await Decisions($"ruleSet={ruleSetId}&runId={allowedId}"), d => d.GetProperty("transition").GetString() == "enter:evidence");
        Assert.Equal(["enter:train"], (await Decisions($"transition=enter:train&runId={blockedId}")).Select(d => d.GetProperty("transition").GetString()));

        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.Equal(3, (await Decisions($"runId={allowedId}&from={Instant(before)}&to={Instant(after)}")).Count);
        Assert.Empty(await Decisions($"runId={allowedId}&from={Instant(after)}"));
        Assert.Empty(await Decisions($"runId={allowedId}&to={Instant(before)}"));
        Assert.Single(await Decisions($"runId={allowedId}&limit=1"));
    }

    [Fact]
    public async Task A_decision_record_holds_its_input_and_each_rule_result_with_its_rule_set_version()
    {
        var run = await StartRun(RunsApiTests.StartCreditRun());
        var decisionId = run.GetProperty("decisions")[0].GetProperty("decisionId").GetString();

        var response = await _http.GetAsync($"/api/decisions/{decisionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await response.Body();
        Assert.Equal("enter:train", record.GetProperty("transition").GetString());
        Assert.Equal(run.GetProperty("runId").GetString(), record.GetProperty("runId").GetString());
        Assert.Equal(JsonValueKind.Object, record.GetProperty("input").ValueKind);
        Assert.Contains("creditworthiness assessment of retail loan applicants", record.GetProperty("input").GetRawText(), StringComparison.Ordinal);
        var ruleSets = record.GetProperty("ruleSets").EnumerateArray().ToDictionary(r => r.GetProperty("ruleSetId").GetString()!, r => r.GetProperty("version").GetInt32());
        var results = record.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("passed").GetBoolean());
            Assert.Equal(ruleSets[r.GetProperty("ruleSetId").GetString()!], r.GetProperty("ruleSetVersion").GetInt32());
        });
    }

    [Theory]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-40", "to")]
    [InlineData("from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", "before")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    public async Task Bad_filters_are_400_problem_details_naming_the_filter(string query, string detail)
    {
        await RunsApiTests.AssertProblem(await _http.GetAsync($"/api/decisions?{query}"), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task An_unknown_decision_is_a_404_problem()
    {
        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/decisions/no-such-decision"), HttpStatusCode.NotFound, "no-such-decision");
    }

    private async Task<JsonElement> StartRun(HttpRequestMessage request)
    {
        var response = await _http.SendAsync(request.As("alice"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Body();
    }

    private async Task<List<JsonElement>> Decisions(string query)
    {
        var response = await _http.GetAsync($"/api/decisions?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Body()).EnumerateArray()];
    }

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
