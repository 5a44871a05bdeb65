using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Maker-checker for rule sets over HTTP: a compliance author's change is a proposal that is in force only once a
/// second author approves it, with its fixtures and a dry run assessed by the engine, every step in the audit trail.
/// </summary>
public sealed class RuleSetProposalsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_change_is_in_force_only_after_a_second_author_approves_it_and_the_proposer_cannot()
    {
        var before = await _http.GetStringAsync("/api/policies");

        var proposed = await Propose("house-rules", HouseRules("Declare the purpose."), "colin", "HR-1 ships");

        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var proposal = await proposed.Body();
        var id = proposal.GetProperty("proposalId").GetString()!;
        Assert.Equal($"/api/policies/proposals/{id}", proposed.Headers.Location!.OriginalString);
        Assert.Equal(("pending", "colin", "HR-1 ships"),
            (proposal.GetProperty("status").GetString(), proposal.GetProperty("proposedBy").GetString(), proposal.GetProperty("reason").GetString()));
        Assert.Equal(before, await _http.GetStringAsync("/api/policies"));
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "house-rules.json")));
        Assert.Equal(HouseRules("Declare the purpose."), await _http.GetStringAsync($"/api/policies/proposals/{id}/content"));

        var self = await Decide(id, "approve", "colin", new { comment = "looks right to me" });
        await RunsApiTests.AssertProblem(self, HttpStatusCode.Forbidden, "a second compliance author must approve");
        var notAnAuthor = await Decide(id, "approve", "bob", new { comment = "fine" });
        await RunsApiTests.AssertProblem(notAnAuthor, HttpStatusCode.Forbidden, "compliance-author");
        Assert.Equal(before, await _http.GetStringAsync("/api/policies"));

        var approved = await Decide(id, "approve", "cora", new { comment = "reviewed the rule and its fixtures" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decided = await approved.Body();
        Assert.Equal(("approved", "cora"), (decided.GetProperty("status").GetString(), decided.GetProperty("decidedBy").GetString()));
        Assert.Equal(1, decided.GetProperty("activated").GetProperty("version").GetInt32());
        var inForce = (await (await _http.GetAsync("/api/policies")).Body()).EnumerateArray()
            .Single(a => a.GetProperty("ref").GetProperty("ruleSetId").GetString() == "house-rules");
        Assert.Equal(("cora", "api"), (inForce.GetProperty("activatedBy").GetString(), inForce.GetProperty("source").GetString()));
        Assert.Equal(HouseRules("Declare the purpose."), await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "house-rules.json")));

        var again = await Decide(id, "approve", "cora", new { comment = "twice" });
        await RunsApiTests.AssertProblem(again, HttpStatusCode.Conflict, "already approved by cora");
    }

    [Fact]
    public async Task A_proposal_that_lets_blocked_decisions_through_says_it_loosens()
    {
        // In force: only bond pricing may train, so a credit release is blocked at enter:train.
        var strict = (await (await Propose("bonds-only", SingleRule("bonds-only", "enter:train", "BO-1 bonds only", "run.Variable(\"purpose\") == \"bond pricing\""), "colin", null)).Body())
            .GetProperty("proposalId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Decide(strict, "approve", "cora", new { comment = "ok" })).StatusCode);
        var blocked = await _http.SendAsync(RunsApiTests.StartCreditRun().As("alice"));
        Assert.Equal("blocked", (await blocked.Body()).GetProperty("status").GetString());

        var response = await Propose("bonds-only", SingleRule("bonds-only", "enter:train", "BO-1 anything", "true"), "colin", "let everything train");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var proposal = await response.Body();
        var assessment = proposal.GetProperty("assessment");
        Assert.True(assessment.GetProperty("loosens").GetBoolean());
        Assert.True(assessment.GetProperty("newlyAllowed").GetInt32() >= 1);
        Assert.Equal(0, assessment.GetProperty("newlyBlocked").GetInt32());
        Assert.NotEmpty(assessment.GetProperty("newlyAllowedDecisions").EnumerateArray());
        Assert.Equal(1, proposal.GetProperty("replaces").GetProperty("version").GetInt32());
        Assert.Contains("no fixtures file", assessment.GetProperty("fixturesError").GetString(), StringComparison.Ordinal);
        Assert.False(assessment.GetProperty("fixturesPass").GetBoolean());
        Assert.Contains(factory.Logs.Entries, m => m.Contains("loosens the rule set", StringComparison.Ordinal));
        Assert.DoesNotContain("BO-1 anything", await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "bonds-only.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_changes_nothing_and_the_proposer_may_withdraw()
    {
        var first = await (await Propose("reject-rules", SingleRule("reject-rules", "enter:train", "RR-1", "true"), "colin", null)).Body();
        var second = await (await Propose("reject-rules", SingleRule("reject-rules", "enter:train", "RR-2", "true"), "colin", null)).Body();
        var firstId = first.GetProperty("proposalId").GetString()!;
        var secondId = second.GetProperty("proposalId").GetString()!;

        var noReason = await Decide(firstId, "reject", "cora", new { reason = "  " });
        await RunsApiTests.AssertProblem(noReason, HttpStatusCode.BadRequest, "a rejection needs a reason");
        var rejected = await (await Decide(firstId, "reject", "cora", new { reason = "RR-1 passes everything" })).Body();
        var withdrawn = await (await Decide(secondId, "reject", "colin", new { reason = "superseded by a better draft" })).Body();

        Assert.Equal(("rejected", "cora", "RR-1 passes everything"),
            (rejected.GetProperty("status").GetString(), rejected.GetProperty("decidedBy").GetString(), rejected.GetProperty("decisionComment").GetString()));
        Assert.Equal("colin", withdrawn.GetProperty("decidedBy").GetString());
        Assert.DoesNotContain("reject-rules", await _http.GetStringAsync("/api/policies"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "reject-rules.json")));
        var pending = await (await _http.GetAsync("/api/policies/proposals?status=pending")).Body();
        Assert.DoesNotContain(pending.EnumerateArray(), p => p.GetProperty("ruleSetId").GetString() == "reject-rules");
        var trail = await _http.GetStringAsync("/api/policies/audit");
        Assert.Contains("rule-set-proposal-rejected", trail, StringComparison.Ordinal);
        Assert.Contains("rule-set-proposal-withdrawn", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_proposal_assessed_against_a_version_no_longer_in_force_is_refused()
    {
        var older = (await (await Propose("stale-rules", SingleRule("stale-rules", "enter:train", "SR-1", "true", "first"), "colin", null)).Body())
            .GetProperty("proposalId").GetString()!;
        var newer = (await (await Propose("stale-rules", SingleRule("stale-rules", "enter:train", "SR-1", "true", "second"), "colin", null)).Body())
            .GetProperty("proposalId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Decide(newer, "approve", "cora", new { comment = "ok" })).StatusCode);

        var stale = await Decide(older, "approve", "cora", new { comment = "ok" });

        await RunsApiTests.AssertProblem(stale, HttpStatusCode.Conflict, "propose again");
        var inForce = (await (await _http.GetAsync("/api/policies/stale-rules/versions")).Body()).EnumerateArray().ToList();
        Assert.Single(inForce);
    }

    [Fact]
    public async Task A_refused_candidate_is_422_with_its_rule_and_records_no_proposal()
    {
        var response = await Propose("unsafe-rules", SingleRule("unsafe-rules", "approve", "UR-1 sneaky", "run.GetType().Assembly != null"), "colin", null);

        var problem = await RunsApiTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "unsafe-rules");
        Assert.Equal(("Safety", "UR-1 sneaky", "run.GetType().Assembly != null"),
            (problem.GetProperty("phase").GetString(), problem.GetProperty("rule").GetString(), problem.GetProperty("expression").GetString()));
        var all = await (await _http.GetAsync("/api/policies/proposals")).Body();
        Assert.DoesNotContain(all.EnumerateArray(), p => p.GetProperty("ruleSetId").GetString() == "unsafe-rules");
    }

    [Fact]
    public async Task A_retried_proposal_is_the_same_proposal_and_unchanged_content_is_409()
    {
        var json = SingleRule("retry-rules", "enter:train", "RT-1", "true");
        var first = await (await Propose("retry-rules", json, "colin", null)).Body();
        var retried = await (await Propose("retry-rules", json, "colin", null)).Body();
        Assert.Equal(first.GetProperty("proposalId").GetString(), retried.GetProperty("proposalId").GetString());
        await Decide(first.GetProperty("proposalId").GetString()!, "approve", "cora", new { comment = "ok" });

        var unchanged = await Propose("retry-rules", json, "colin", null);

        await RunsApiTests.AssertProblem(unchanged, HttpStatusCode.Conflict, "nothing to propose");
    }

    [Fact]
    public async Task The_rule_set_trail_chains_every_step_and_the_versions_the_operator_put_in_the_folder()
    {
        var id = (await (await Propose("trail-rules", SingleRule("trail-rules", "enter:train", "TR-1", "true"), "colin", null)).Body())
            .GetProperty("proposalId").GetString()!;
        await Decide(id, "approve", "cora", new { comment = "ok" });

        var verification = await (await _http.GetAsync("/api/policies/audit/verify")).Body();
        var trail = await (await _http.GetAsync("/api/policies/audit")).Body();

        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
        var records = trail.EnumerateArray().ToList();
        Assert.Equal(verification.GetProperty("recordCount").GetInt64(), records.Count);
        var kinds = records.Select(r => (Kind: r.GetProperty("kind").GetString(), Actor: r.GetProperty("actor").GetString())).ToList();
        Assert.Contains(("rule-set-activated-by-operator", "file:four-eyes.json"), kinds);
        Assert.Contains(("rule-set-proposed", "colin"), kinds);
        Assert.Contains(("rule-set-proposal-approved", "cora"), kinds);
        Assert.Contains(records, r => r.GetProperty("kind").GetString() == "rule-set-proposed"
            && r.GetProperty("payloadJson").GetString()!.Contains("TR-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_the_operator_puts_in_the_folder_is_in_force_and_chained_as_the_operators_path_and_a_replacement_is_a_warning()
    {
        var file = Path.Combine(factory.PoliciesPath, "operator-rules.json");
        var catalog = factory.Services.GetRequiredService<RuleSetCatalog>();
        await File.WriteAllTextAsync(file, SingleRule("operator-rules", "enter:train", "OR-1", "true"));
        await catalog.ReloadAsync();
        await File.WriteAllTextAsync(file, SingleRule("operator-rules", "enter:train", "OR-1", "true", "Changed by the operator."));
        await catalog.ReloadAsync();

        // The host chains them when the reloads report them, without any call to the rule set API.
        var store = factory.Services.GetRequiredService<IAuditStore>();
        IReadOnlyList<AuditRecord> records = [];
        for (var attempt = 0; attempt < 100 && records.Count(IsOperatorRecord) < 2; attempt++)
        {
            await Task.Delay(50);
            records = await store.ReadAsync(IRuleSetChangeGrain.AuditStream, CancellationToken.None);
        }

        Assert.Equal(2, records.Count(IsOperatorRecord));
        Assert.Contains(factory.Logs.Entries, e => e.StartsWith("Information", StringComparison.Ordinal)
            && e.Contains("operator-rules", StringComparison.Ordinal) && e.Contains("installed from the policies folder", StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal)
            && e.Contains("operator-rules", StringComparison.Ordinal) && e.Contains("replaced v1 from the policies folder", StringComparison.Ordinal));
        Assert.Contains("Changed by the operator.", await _http.GetStringAsync("/api/policies/operator-rules/versions/2"), StringComparison.Ordinal);

        static bool IsOperatorRecord(AuditRecord record) =>
            record.Kind == "rule-set-activated-by-operator" && record.Actor == "file:operator-rules.json";
    }

    [Fact]
    public async Task The_same_bytes_with_a_byte_order_mark_give_the_same_answer_as_in_the_folder()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SingleRule("bom-rules", "enter:train", "BR-1", "true"))).ToArray();
        var lint = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/policies/lint") { Content = Bytes(bytes) }.As("colin"));
        var proposed = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/policies/bom-rules") { Content = Bytes(bytes) }.As("colin"));

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var linted = await lint.Body();
        Assert.True(linted.GetProperty("valid").GetBoolean(), linted.ToString());
        Assert.Equal(hash, linted.GetProperty("contentHash").GetString());
        Assert.Equal(hash, (await proposed.Body()).GetProperty("contentHash").GetString());
    }

    private Task<HttpResponseMessage> Propose(string ruleSetId, string json, string user, string? reason) =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Put,
            $"/api/policies/{ruleSetId}" + (reason is null ? string.Empty : $"?reason={Uri.EscapeDataString(reason)}"))
        { Content = new StringContent(json, Encoding.UTF8, "application/json") }.As(user));

    private Task<HttpResponseMessage> Decide(string proposalId, string verb, string user, object body) =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/policies/proposals/{proposalId}/{verb}") { Content = JsonContent.Create(body) }.As(user));

    private static ByteArrayContent Bytes(byte[] bytes) => new(bytes) { Headers = { ContentType = new("application/json") } };

    private static string HouseRules(string message) => PoliciesApiTests.HouseRules(message);

    private static string SingleRule(string id, string transition, string ruleName, string expression, string errorMessage = "Fix it.") =>
        PoliciesApiTests.SingleRule(id, transition, ruleName, expression, errorMessage);
}
