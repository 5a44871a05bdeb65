using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMlops.Host.Api;

namespace OrleansMlops.Host.Tests;

/// <summary>Rule sets over HTTP: what is in force, changes approved by a second author, refusals, versions, fixtures, dry runs.</summary>
public sealed class PoliciesApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private static readonly string[] DefaultPacks =
        ["eba-loan-origination", "eu-ai-act-high-risk", "four-eyes", "gdpr-automated-decisions", "sr-26-2-model-risk"];

    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task The_default_packs_are_in_force_and_nothing_is_refused()
    {
        var active = await (await _http.GetAsync("/api/policies")).Body();
        var refusals = await (await _http.GetAsync("/api/policies/refusals")).Body();

        var ids = active.EnumerateArray().Select(a => a.GetProperty("ref").GetProperty("ruleSetId").GetString()!).ToList();
        Assert.All(DefaultPacks, id => Assert.Contains(id, ids));
        var sr = active.EnumerateArray().Single(a => a.GetProperty("ref").GetProperty("ruleSetId").GetString() == "sr-26-2-model-risk");
        Assert.Contains("signoff:validation", sr.GetProperty("appliesTo").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("file", sr.GetProperty("source").GetString());
        Assert.Equal(0, refusals.GetArrayLength());
    }

    [Fact]
    public async Task An_approved_change_is_the_next_version_and_decisions_name_it()
    {
        await ProposeAndApprove("house-rules", HouseRules("Declare the purpose."));
        var approved = await ProposeAndApprove("house-rules", HouseRules("Declare the purpose of the model."));

        Assert.Equal(2, approved.GetProperty("activated").GetProperty("version").GetInt32());
        Assert.Equal(HouseRules("Declare the purpose of the model."), await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "house-rules.json")));
        var versions = await (await _http.GetAsync("/api/policies/house-rules/versions")).Body();
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(HouseRules("Declare the purpose."), await _http.GetStringAsync("/api/policies/house-rules/versions/1"));

        var run = await StartRun();
        var train = await (await _http.GetAsync($"/api/decisions/{run.GetProperty("decisions")[0].GetProperty("decisionId").GetString()}")).Body();
        Assert.Contains(train.GetProperty("ruleSets").EnumerateArray(), r =>
            r.GetProperty("ruleSetId").GetString() == "house-rules" && r.GetProperty("version").GetInt32() == 2);
    }

    [Theory]
    [InlineData("run.GetType().Assembly != null", "'GetType' is not allowed")]
    [InlineData("Enumerable.Range(0, int.MaxValue).Count() > 0", "'Range' is not allowed")]
    [InlineData("\"x\".PadLeft(int.MaxValue) != null", "'PadLeft' is not allowed")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "'System' is not allowed")]
    public async Task A_malicious_rule_set_is_refused_with_its_rule_and_expression_and_changes_nothing(string expression, string why)
    {
        var before = await _http.GetStringAsync("/api/policies");

        var response = await Activate("four-eyes", SingleRule("four-eyes", "approve", "FE-1 sneaky", expression), "colin");

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "four-eyes");
        Assert.Equal(("CandidateRefused", "https://orleans-mlops.dev/problems/CandidateRefused"), (problem.GetProperty("code").GetString(), problem.GetProperty("type").GetString()));
        Assert.Equal("FE-1 sneaky", problem.GetProperty("rule").GetString());
        Assert.Equal(expression, problem.GetProperty("expression").GetString());
        Assert.Equal("Safety", problem.GetProperty("phase").GetString());
        Assert.Contains(why, problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _http.GetStringAsync("/api/policies"));
        Assert.DoesNotContain("sneaky", await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "four-eyes.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_declaring_another_rule_set_than_the_address_is_refused()
    {
        var response = await Activate("house-rules-elsewhere", HouseRules("Declare the purpose."), "colin");

        await RunsApiTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "sent to activate 'house-rules-elsewhere'");
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "house-rules-elsewhere.json")));
    }

    [Fact]
    public async Task Only_an_identified_compliance_author_may_activate()
    {
        var anonymous = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/policies/four-eyes") { Content = Json(AlwaysPasses("four-eyes")) });
        var approver = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/policies/four-eyes") { Content = Json(AlwaysPasses("four-eyes")) }.As("bob"));

        await RunsApiTests.AssertProblem(anonymous, HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(approver, HttpStatusCode.Forbidden, "compliance-author");
        Assert.DoesNotContain("anyone", await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "four-eyes.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixtures_run_on_demand_and_an_unknown_rule_set_is_404()
    {
        var report = await (await _http.PostAsync("/api/policies/sr-26-2-model-risk/test", null)).Body();
        var unknown = await _http.PostAsync("/api/policies/no-such-rules/test", null);

        Assert.True(report.GetProperty("passed").GetBoolean());
        Assert.True(report.GetProperty("passedCount").GetInt32() >= 10);
        Assert.Contains(report.GetProperty("cases").EnumerateArray(), c => c.GetProperty("name").GetString() == "developer signs off own validation");
        await RunsApiTests.AssertProblem(unknown, HttpStatusCode.NotFound, "no-such-rules");
    }

    [Fact]
    public async Task A_dry_run_reports_exactly_the_past_decisions_a_candidate_would_change()
    {
        await StartRun();
        await StartRun(new Dictionary<string, object> { ["purpose"] = "creditworthiness assessment of retail loan applicants" });
        var past = await (await _http.GetAsync("/api/decisions?transition=enter:train&limit=1000")).Body();
        var allowedBefore = past.EnumerateArray().Where(d => d.GetProperty("outcome").GetString() == "allowed").Select(d => d.GetProperty("decisionId").GetString()).ToHashSet();
        Assert.NotEmpty(allowedBefore);
        Assert.True(allowedBefore.Count < past.GetArrayLength(), "the history needs blocked decisions too");

        var candidate = SingleRule("dry-run-candidate", "enter:train", "only bonds", "run.Variable(\"purpose\") == \"bond pricing\"");
        var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/policies/dry-run?transition=enter:train&limit=1000") { Content = Json(candidate) }.As("colin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Body();
        Assert.Equal(past.GetArrayLength(), report.GetProperty("evaluated").GetInt32());
        var changed = report.GetProperty("decisions").EnumerateArray().Where(d => d.GetProperty("changed").GetBoolean()).ToList();
        Assert.Equal(allowedBefore, changed.Select(d => d.GetProperty("decisionId").GetString()).ToHashSet());
        Assert.All(changed, d => Assert.Equal("blocked", d.GetProperty("newOutcome").GetString()));
        Assert.Equal(allowedBefore.Count, report.GetProperty("newlyBlocked").GetInt32());
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "dry-run-candidate.json")));
        Assert.DoesNotContain("dry-run-candidate", await _http.GetStringAsync("/api/policies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_of_a_refused_candidate_is_422()
    {
        var candidate = SingleRule("dry-run-broken", "enter:train", "typo", "model.IsRegistered");
        var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/policies/dry-run") { Content = Json(candidate) }.As("colin"));

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "model.IsRegistered");
        Assert.Equal("Compile", problem.GetProperty("phase").GetString());
        Assert.Equal("CandidateRefused", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Lint_compiles_a_candidate_and_names_what_it_would_replace_without_activating_it()
    {
        var before = await _http.GetStringAsync("/api/policies");

        var response = await _http.SendAsync(Lint(SingleRule("four-eyes", "approve", "anyone", "true"), "colin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lint = await response.Body();
        Assert.True(lint.GetProperty("valid").GetBoolean());
        Assert.Equal("four-eyes", lint.GetProperty("ruleSetId").GetString());
        Assert.Equal(1, lint.GetProperty("ruleCount").GetInt32());
        Assert.Equal("four-eyes", lint.GetProperty("replaces").GetProperty("ruleSetId").GetString());
        Assert.Equal(before, await _http.GetStringAsync("/api/policies"));
        Assert.DoesNotContain("anyone", await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "four-eyes.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_of_an_unsafe_candidate_names_the_phase_rule_and_expression()
    {
        var lint = await (await _http.SendAsync(Lint(SingleRule("lint-unsafe", "approve", "LU-1 sneaky", "run.GetType().Assembly != null"), "audrey"))).Body();

        Assert.False(lint.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(lint.GetProperty("problems").EnumerateArray());
        Assert.Equal(("Safety", "LU-1 sneaky", "run.GetType().Assembly != null"),
            (problem.GetProperty("phase").GetString(), problem.GetProperty("rule").GetString(), problem.GetProperty("expression").GetString()));
        Assert.Contains("'GetType' is not allowed", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "lint-unsafe.json")));
    }

    [Fact]
    public async Task Lint_needs_the_permission_to_test_rule_sets()
    {
        var approver = await _http.SendAsync(Lint(AlwaysPasses("four-eyes"), "bob"));

        await RunsApiTests.AssertProblem(approver, HttpStatusCode.Forbidden, "compliance-author");
    }

    [Fact]
    public async Task Fixtures_sent_in_the_body_run_against_the_version_in_force_instead_of_the_file()
    {
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "four-eyes.fixtures.json")))!.AsObject();
        var passing = shipped["cases"]![0]!.DeepClone();
        var wrong = shipped["cases"]![2]!.DeepClone();
        wrong["name"] = "expects a system approval to pass";
        wrong["expect"]!["outcome"] = "Allowed";
        shipped["cases"] = new JsonArray(passing, wrong);

        var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/policies/four-eyes/test") { Content = Json(shipped.ToJsonString()) }.As("colin"));
        var malformed = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/policies/four-eyes/test") { Content = Json("{\"ruleSet\":\"four-eyes\"}") }.As("colin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Body();
        Assert.False(report.GetProperty("passed").GetBoolean());
        Assert.Equal((1, 1), (report.GetProperty("passedCount").GetInt32(), report.GetProperty("failedCount").GetInt32()));
        Assert.Equal(PoliciesApi.RequestFixtures, report.GetProperty("fixturesFile").GetString());
        Assert.False(report.GetProperty("cases")[1].GetProperty("passed").GetBoolean());
        await RunsApiTests.AssertProblem(malformed, HttpStatusCode.BadRequest, "cases");
    }

    private async Task<JsonElement> ProposeAndApprove(string ruleSetId, string json)
    {
        var proposed = await Activate(ruleSetId, json, "colin");
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var id = (await proposed.Body()).GetProperty("proposalId").GetString();
        var approved = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/policies/proposals/{id}/approve") { Content = Json("{}") }.As("cora"));
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return await approved.Body();
    }

    private Task<HttpResponseMessage> Activate(string ruleSetId, string json, string user) =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/policies/{ruleSetId}") { Content = Json(json) }.As(user));

    private async Task<JsonElement> StartRun(Dictionary<string, object>? variables = null)
    {
        var response = await _http.SendAsync(RunsApiTests.StartCreditRun(variables).As("alice"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Body();
    }

    private static HttpRequestMessage Lint(string json, string user) =>
        new HttpRequestMessage(HttpMethod.Post, "/api/policies/lint") { Content = Json(json) }.As(user);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A one-rule rule set that gates <c>enter:train</c> on a declared purpose.</summary>
    internal static string HouseRules(string message) =>
        SingleRule("house-rules", "enter:train", "HR-1 purpose declared", "run.HasVariable(\"purpose\")", message);

    private static string AlwaysPasses(string id) => SingleRule(id, "approve", "anyone", "true");

    internal static string SingleRule(string id, string transition, string ruleName, string expression, string errorMessage = "Fix it.") =>
        JsonSerializer.Serialize(new
        {
            id,
            title = $"Test rule set {id}",
            owner = "host-tests",
            appliesTo = new[] { transition },
            workflows = new[]
            {
                new { WorkflowName = id, Rules = new[] { new { RuleName = ruleName, Expression = expression, ErrorMessage = errorMessage } } },
            },
        });
}
