using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMlops.Host.Tests;
using OrleansMlops.Testing;

namespace OrleansMlops.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class PoliciesCommandsTests(EngineHostFactory factory) : IDisposable
{
    private readonly Cli _cli = new(factory);
    private readonly TestDirectory _directory = new();

    [Fact]
    public async Task Listing_shows_the_rule_sets_in_force()
    {
        var json = await _cli.As("audrey", "policies", "list", "--json");
        var human = await _cli.As("audrey", "policies", "list");

        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.Contains(json.Json().AsArray(), r => r!["ref"]!["ruleSetId"]!.GetValue<string>() == "four-eyes");
        Assert.Contains("sr-26-2-model-risk", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_exits_0_for_a_sound_rule_set_and_1_naming_the_rule_and_expression_of_an_unsafe_one_activating_neither()
    {
        var before = (await _cli.As("audrey", "policies", "list", "--json")).Out;
        var sound = await Write("sound.json", SingleRule("cli-lint-sound", "enter:train", "CL-1 purpose declared", "run.HasVariable(\"purpose\")"));
        var unsafeFile = await Write("unsafe.json", SingleRule("cli-lint-unsafe", "approve", "CL-2 sneaky", "run.GetType().Assembly != null"));

        var good = await _cli.As("colin", "policies", "lint", sound, "--json");
        var bad = await _cli.As("colin", "policies", "lint", unsafeFile);

        Assert.Equal(ExitCodes.Success, good.ExitCode);
        Assert.Equal(("cli-lint-sound", 1), (good.Json()["ruleSetId"]!.GetValue<string>(), good.Json()["ruleCount"]!.GetValue<int>()));
        Assert.Equal(ExitCodes.NegativeOutcome, bad.ExitCode);
        Assert.Contains("unsafe.json: [Safety] rule 'CL-2 sneaky' `run.GetType().Assembly != null`", bad.Out, StringComparison.Ordinal);
        Assert.Contains("'GetType' is not allowed", bad.Out, StringComparison.Ordinal);
        Assert.Equal(before, (await _cli.As("audrey", "policies", "list", "--json")).Out);
    }

    [Fact]
    public async Task Test_runs_the_shipped_fixtures_with_exit_0_and_a_failing_case_file_with_exit_1()
    {
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "four-eyes.fixtures.json")))!.AsObject();
        var wrong = shipped["cases"]![2]!.DeepClone();
        wrong["name"] = "expects a system approval to pass";
        wrong["expect"]!["outcome"] = "Allowed";
        shipped["cases"] = new JsonArray(shipped["cases"]![0]!.DeepClone(), wrong);
        var cases = await Write("cases.json", shipped.ToJsonString());

        var passing = await _cli.As("audrey", "policies", "test", "sr-26-2-model-risk", "--json");
        var failing = await _cli.As("audrey", "policies", "test", "four-eyes", cases);
        var unknown = await _cli.As("audrey", "policies", "test", "no-such-rules");

        Assert.Equal(ExitCodes.Success, passing.ExitCode);
        Assert.True(passing.Json()["passed"]!.GetValue<bool>());
        Assert.True(passing.Json()["passedCount"]!.GetValue<int>() >= 10);
        Assert.Equal(ExitCodes.NegativeOutcome, failing.ExitCode);
        Assert.Contains("FAIL  expects a system approval to pass", failing.Out, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed", failing.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
    }

    [Fact]
    public async Task A_dry_run_reports_the_decisions_a_candidate_would_change_and_activates_nothing()
    {
        await _cli.StartCreditRun();
        var candidate = await Write("candidate.json", SingleRule("cli-dry-run", "enter:train", "only bonds", "run.Variable(\"purpose\") == \"bond pricing\""));

        var result = await _cli.As("colin", "policies", "dry-run", candidate, "--transition", "enter:train", "--limit", "1000", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = result.Json();
        Assert.True(report["evaluated"]!.GetValue<int>() >= 1);
        Assert.True(report["newlyBlocked"]!.GetValue<int>() >= 1);
        Assert.Equal("cli-dry-run", report["candidate"]!["ruleSetId"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "cli-dry-run.json")));
    }

    [Fact]
    public async Task A_proposal_is_in_force_only_once_a_second_author_approves_it_and_nobody_else_may_propose()
    {
        var before = (await _cli.As("audrey", "policies", "list", "--json")).Out;
        var onDisk = await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "four-eyes.json"));
        var weakened = await Write("four-eyes.json", SingleRule("four-eyes", "approve", "anyone", "true"));
        var houseRules = await Write("house.json", SingleRule("cli-house-rules", "enter:train", "HR-1 purpose declared", "run.HasVariable(\"purpose\")"));

        var refused = await _cli.As("bob", "policies", "propose", "four-eyes", weakened);
        var proposed = await _cli.As("colin", "policies", "propose", "cli-house-rules", houseRules, "--reason", "HR-1 ships");
        var proposalId = (await _cli.As("audrey", "policies", "proposals", "--status", "pending", "--json")).Json().AsArray()
            .Single(p => p!["ruleSetId"]!.GetValue<string>() == "cli-house-rules")!["proposalId"]!.GetValue<string>();
        var selfApproved = await _cli.As("colin", "policies", "approve", proposalId);
        var pendingList = (await _cli.As("audrey", "policies", "list", "--json")).Json().AsArray();
        var approved = await _cli.As("cora", "policies", "approve", proposalId, "--comment", "reviewed");

        Assert.Equal(ExitCodes.NotAllowed, refused.ExitCode);
        Assert.Contains("HTTP 403", refused.Error, StringComparison.Ordinal);
        Assert.Equal(onDisk, await File.ReadAllTextAsync(Path.Combine(factory.PoliciesPath, "four-eyes.json")));
        Assert.Equal(ExitCodes.Success, proposed.ExitCode);
        Assert.Contains("a second compliance author must approve it", proposed.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotAllowed, selfApproved.ExitCode);
        Assert.DoesNotContain(pendingList, r => r!["ref"]!["ruleSetId"]!.GetValue<string>() == "cli-house-rules");
        Assert.Equal(ExitCodes.Success, approved.ExitCode);
        Assert.Contains("cli-house-rules version 1 is in force", approved.Out, StringComparison.Ordinal);
        var after = (await _cli.As("audrey", "policies", "list", "--json")).Json().AsArray();
        var inForce = after.Single(r => r!["ref"]!["ruleSetId"]!.GetValue<string>() == "cli-house-rules")!;
        Assert.Equal("cora", inForce["activatedBy"]!.GetValue<string>());
        Assert.Equal(
            JsonNode.Parse(before)!.AsArray().Single(r => r!["ref"]!["ruleSetId"]!.GetValue<string>() == "four-eyes")!.ToJsonString(),
            after.Single(r => r!["ref"]!["ruleSetId"]!.GetValue<string>() == "four-eyes")!.ToJsonString());
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_a_usage_error_and_with_one_closes_the_proposal()
    {
        var file = await Write("reject.json", SingleRule("cli-reject", "enter:train", "CR-1", "true"));
        await _cli.As("colin", "policies", "propose", "cli-reject", file);
        var proposalId = (await _cli.As("audrey", "policies", "proposals", "--json")).Json().AsArray()
            .First(p => p!["ruleSetId"]!.GetValue<string>() == "cli-reject")!["proposalId"]!.GetValue<string>();

        var withoutReason = await _cli.As("cora", "policies", "reject", proposalId);
        var rejected = await _cli.As("cora", "policies", "reject", proposalId, "--reason", "passes everything");

        Assert.Equal(ExitCodes.UsageError, withoutReason.ExitCode);
        Assert.Equal(ExitCodes.Success, rejected.ExitCode);
        Assert.Contains($"Rejected {proposalId}", rejected.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "cli-reject.json")));
    }

    [Fact]
    public async Task Proposing_an_unsafe_rule_set_is_exit_5_naming_the_rule_it_was_refused_for()
    {
        var unsafeFile = await Write("unsafe.json", SingleRule("cli-unsafe", "approve", "CU-1 sneaky", "run.GetType().Assembly != null"));

        var refused = await _cli.As("colin", "policies", "propose", "cli-unsafe", unsafeFile);

        Assert.Equal(ExitCodes.RejectedInput, refused.ExitCode);
        Assert.Contains("HTTP 422", refused.Error, StringComparison.Ordinal);
        Assert.Contains("rule: CU-1 sneaky", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.PoliciesPath, "cli-unsafe.json")));
    }

    private async Task<string> Write(string name, string content)
    {
        var path = _directory.File(name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static string SingleRule(string id, string transition, string ruleName, string expression) =>
        JsonSerializer.Serialize(new
        {
            id,
            title = $"Test rule set {id}",
            owner = "cli-tests",
            appliesTo = new[] { transition },
            workflows = new[] { new { WorkflowName = id, Rules = new[] { new { RuleName = ruleName, Expression = expression, ErrorMessage = "Fix it." } } } },
        });

    public void Dispose() => _directory.Dispose();
}
