using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Fixtures;
using OrleansMlops.Governance.Schema;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.Packs;

/// <summary>The shipped packs in policies/: schema, naming, fixtures, coverage of docs/requirements.md, and the whole catalog together.</summary>
public sealed partial class DefaultPackTests : IDisposable
{
    /// <summary>The stable ids of the rows of docs/requirements.md.</summary>
    private static readonly string[] RegulationIds =
    [
        "AI-01", "AI-09a", "AI-09b", "AI-10a", "AI-10b", "AI-10c", "AI-11", "AI-12", "AI-19", "AI-13", "AI-14", "AI-15", "AI-72",
        "MRM-1", "MRM-2", "MRM-3", "MRM-4", "FE-1", "EBA-1", "GDPR-22",
    ];

    /// <summary>The bank's own release and monitoring policies, listed apart in COVERAGE.md; no other rule may stand outside docs/requirements.md.</summary>
    private static readonly string[] HousePolicyIds = ["REL-1", "REL-2", "MON-1"];

    private readonly GateHarness _harness = new(TestFiles.Policies);

    public static TheoryData<string> PackFiles => TestFiles.RuleSetsIn(TestFiles.Policies);

    public static TheoryData<string> RequiredTransitions => [.. GovernanceOptions.DefaultRequiredTransitions];

    [Fact]
    public void The_default_packs_are_shipped()
    {
        string[] expected =
        [
            "eba-loan-origination.json", "eu-ai-act-high-risk.json", "four-eyes.json", "gdpr-automated-decisions.json",
            "model-monitoring.json", "release-management.json", "sr-26-2-model-risk.json",
        ];

        Assert.Equal(expected, Directory.GetFiles(TestFiles.Policies, "*.json").Where(RuleSetFiles.IsRuleSet).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PackFiles))]
    public async Task Pack_follows_the_schema_and_names_each_rule_by_its_requirement(string fileName)
    {
        var path = Path.Combine(TestFiles.Policies, fileName);
        var loaded = await _harness.Loader.LoadFileAsync(path);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path));

        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), loaded.Id);
        Assert.Equal(RuleSetSchema.Reference, document.RootElement.GetProperty("$schema").GetString());
        Assert.Empty(RuleSetSchema.Violations(document.RootElement));
        Assert.All(loaded.Rules, r => Assert.Matches(RuleNamePattern(), r.RuleName));
        Assert.All(loaded.Rules, r => Assert.StartsWith(r.RuleName.Split(' ')[0], r.ErrorMessage, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PackFiles))]
    public async Task Pack_passes_all_its_fixtures(string fileName)
    {
        var loaded = await _harness.Loader.LoadFileAsync(Path.Combine(TestFiles.Policies, fileName));
        var fixtures = await FixtureFileReader.ReadFileAsync(RuleSetFiles.FixturesFor(loaded.File), CancellationToken.None);

        var report = await RuleSetFixtureRunner.RunAsync(loaded, fixtures, CancellationToken.None);

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Cases.Where(c => !c.Passed).Select(c => $"{c.Name}: {string.Join(" ", c.Mismatches)}")));
        Assert.Equal(fixtures.Cases.Length, report.PassedCount);
    }

    [Theory]
    [MemberData(nameof(PackFiles))]
    public async Task Every_rule_has_a_passing_and_a_failing_fixture(string fileName)
    {
        var loaded = await _harness.Loader.LoadFileAsync(Path.Combine(TestFiles.Policies, fileName));
        var fixtures = await FixtureFileReader.ReadFileAsync(RuleSetFiles.FixturesFor(loaded.File), CancellationToken.None);

        foreach (var rule in loaded.Rules)
        {
            Assert.Contains(fixtures.Cases, c => c.Expect.Rules.TryGetValue(rule.RuleName, out var passes) && passes && c.Expect.Outcome == GateOutcome.Allowed);
            Assert.Contains(fixtures.Cases, c => c.Expect.Rules.TryGetValue(rule.RuleName, out var passes) && !passes && c.Expect.Outcome == GateOutcome.Blocked);
        }
    }

    [Fact]
    public async Task Every_regulation_row_has_a_rule()
    {
        var rules = (await _harness.Catalog.GetSnapshotAsync()).RuleSets.SelectMany(r => r.RuleSet.Rules).Select(r => r.RuleName).ToList();

        Assert.All(RegulationIds, id => Assert.Contains(rules, name => name.StartsWith(id + " ", StringComparison.Ordinal)));
        Assert.All(rules, name => Assert.Contains(name.Split(' ')[0], RegulationIds.Concat(HousePolicyIds)));
    }

    [Theory]
    [MemberData(nameof(RequiredTransitions))]
    public async Task Well_formed_run_passes_every_pack_at(string transition)
    {
        var snapshot = await _harness.Catalog.GetSnapshotAsync();

        var decision = await _harness.EvaluateAsync(GateInputs.For(transition));

        Assert.Equal(GateOutcome.Allowed, decision.Outcome);
        Assert.Null(decision.Error);
        Assert.Equal(snapshot.RuleSets.Where(r => r.RuleSet.Declares(transition)).Select(r => r.Ref), decision.RuleSets);
        Assert.Equal(snapshot.RuleSets.SelectMany(r => r.RuleSet.RulesFor(transition)).Count(), decision.Results.Length);
    }

    [Fact]
    public async Task Failing_rule_blocks_with_its_message_naming_the_requirement()
    {
        var input = GateInputs.For("approve") with { Actor = new Actor("alice", ["approver"], "model-risk") };

        var decision = await _harness.EvaluateAsync(input);

        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
        var failed = decision.Results.Where(r => !r.Passed).ToList();
        Assert.Equal(["FE-1 approver is not the submitter", "FE-1 approver is not the trainer"], failed.Select(r => r.RuleName));
        Assert.All(failed, r => Assert.StartsWith("FE-1 (four-eyes policy):", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_system_can_never_approve()
    {
        var decision = await _harness.EvaluateAsync(GateInputs.For("approve") with { Actor = Actor.System });

        Assert.NotEqual(GateOutcome.Allowed, decision.Outcome);
    }

    [Fact]
    public async Task Coverage_table_names_every_requirement_rule_and_fixture_case()
    {
        var coverage = await File.ReadAllTextAsync(Path.Combine(TestFiles.Policies, "COVERAGE.md"));
        var snapshot = await _harness.Catalog.GetSnapshotAsync();

        Assert.All(RegulationIds.Concat(HousePolicyIds), id => Assert.Contains($"| {id} |", coverage, StringComparison.Ordinal));
        foreach (var ruleSet in snapshot.RuleSets)
        {
            Assert.All(ruleSet.RuleSet.Rules, r => Assert.Contains($"| `{ruleSet.Ref.RuleSetId}` | {r.RuleName} |", coverage, StringComparison.Ordinal));
            var fixtures = await FixtureFileReader.ReadFileAsync(RuleSetFiles.FixturesFor(ruleSet.File), CancellationToken.None);
            foreach (var name in CoveredCaseNames(coverage, ruleSet.Ref.RuleSetId))
            {
                Assert.Contains(fixtures.Cases, c => c.Name == name);
            }
        }
    }

    [Fact]
    public async Task The_requirements_page_has_one_row_per_requirement_each_with_its_source_condition_and_gate()
    {
        var page = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "docs", "requirements.md"));

        var rows = page.Where(line => RequirementRowPattern().IsMatch(line)).Select(line => line.Split('|', StringSplitOptions.TrimEntries)).ToList();

        Assert.Equal(RegulationIds.Order(StringComparer.Ordinal), rows.Select(cells => cells[1]).Order(StringComparer.Ordinal));
        Assert.All(rows, cells => Assert.All(cells[2..6], cell => Assert.NotEmpty(cell)));
    }

    [Fact]
    public async Task Ai_act_effective_date_is_configuration()
    {
        var options = new GovernanceOptions { PoliciesPath = TestFiles.Policies };
        options.EffectiveDates["eu-ai-act-high-risk"] = new EffectiveDatesOverride { From = "2027-12-02" };
        using var postponed = new GateHarness(TestFiles.Policies, options: options);
        var undeclared = GateInputs.For("enter:train") with { Run = GateInputs.WellFormed.Run with { Variables = GateInputs.WellFormed.Run.Variables.Remove("riskClass") } };

        var before = await postponed.EvaluateAsync(undeclared);
        var after = await postponed.EvaluateAsync(undeclared with { Now = new DateTimeOffset(2027, 12, 2, 0, 0, 0, TimeSpan.Zero) });
        var inForce = await _harness.EvaluateAsync(undeclared);

        var info = Assert.Single(postponed.Catalog.GetActive(), a => a.Ref.RuleSetId == "eu-ai-act-high-risk");
        Assert.True(info.EffectiveDatesConfigured);
        Assert.Equal(new DateTimeOffset(2027, 12, 2, 0, 0, 0, TimeSpan.Zero), info.EffectiveFrom);
        Assert.Equal((GateOutcome.Allowed, 0), (before.Outcome, before.RuleSets.Length));
        Assert.Equal(GateOutcome.Blocked, after.Outcome);
        Assert.Equal(GateOutcome.Blocked, inForce.Outcome);
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>The fixture case names the coverage table lists for one rule set (last column, "pass; … / fail; …").</summary>
    private static IEnumerable<string> CoveredCaseNames(string coverage, string ruleSetId) =>
        coverage.Split('\n')
            .Where(line => line.Contains($"| `{ruleSetId}` |", StringComparison.Ordinal))
            .Select(line => line.TrimEnd().TrimEnd('|').Split('|')[^1])
            .SelectMany(cell => cell.Split([";", " / "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex("^(AI|MRM|FE|EBA|GDPR|REL|MON)-[0-9]+[a-z]? [a-z]")]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex(@"^\| [A-Z]+-[0-9]+[a-z]? \|")]
    private static partial Regex RequirementRowPattern();
}
