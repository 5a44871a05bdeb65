using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Fixtures;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.Fixtures;

/// <summary>Fixtures like opa test: wrong expectations are reported, never silently passed.</summary>
public sealed class FixtureRunnerTests
{
    private static readonly string RuleSet = RuleSetJson.SingleRule("approvals", "approve", "FE-1 approver holds an approval role", "actor.HasRole(\"approver\")", "FE-1: get an approver.");

    [Fact]
    public async Task Catalog_runs_the_fixtures_beside_the_version_in_force()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("approvals.json", RuleSet);
        folder.Write("approvals.fixtures.json", Fixtures(("approver approves", "{}", "Allowed", true), ("analyst approves", """{ "actor": { "roles": ["analyst"] } }""", "Blocked", false)));
        using var harness = new GateHarness(folder.Path);

        var report = await harness.Catalog.RunFixturesAsync("approvals");

        Assert.True(report.Passed);
        Assert.Equal((2, 0, 1), (report.PassedCount, report.FailedCount, report.Version.Version));
        Assert.Equal("approvals.fixtures.json", report.FixturesFile);
        Assert.DoesNotContain((await harness.Catalog.GetSnapshotAsync()).Refused, r => r.File.EndsWith("fixtures.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_expectations_are_reported_as_mismatches()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("approvals.json", RuleSet);
        folder.Write("approvals.fixtures.json", Fixtures(("analyst approves", """{ "actor": { "roles": ["analyst"] } }""", "Allowed", true)));
        using var harness = new GateHarness(folder.Path);

        var report = await harness.Catalog.RunFixturesAsync("approvals");

        Assert.False(report.Passed);
        var result = Assert.Single(report.Cases);
        Assert.Equal((GateOutcome.Allowed, GateOutcome.Blocked), (result.ExpectedOutcome, result.ActualOutcome));
        Assert.True(result.Mismatches.Length == 2, string.Join(" || ", result.Mismatches));
        Assert.Equal("expected outcome Allowed, got Blocked.", result.Mismatches[0]);
        Assert.Equal("rule 'FE-1 approver holds an approval role' was expected to pass but failed: FE-1: get an approver.", result.Mismatches[1]);
    }

    [Fact]
    public async Task Expectation_of_an_unknown_rule_or_transition_fails()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("approvals.json", RuleSet);
        folder.Write("approvals.fixtures.json", Fixtures(("typo", "{}", "Allowed", true), ("other transition", """{ "transition": "enter:deploy" }""", "Allowed", true))
            .Replace("\"FE-1 approver holds an approval role\": true } } }, {", "\"FE-1 approver holds a role\": true } } }, {", StringComparison.Ordinal));
        using var harness = new GateHarness(folder.Path);

        var report = await harness.Catalog.RunFixturesAsync("approvals");

        Assert.True(report.Cases[0].Mismatches.Length == 1, string.Join(" || ", report.Cases[0].Mismatches));
        Assert.Equal("the rule set has no rule named 'FE-1 approver holds a role'.", report.Cases[0].Mismatches[0]);
        Assert.Equal(2, report.Cases[1].Mismatches.Length);
        Assert.StartsWith("the rule set does not gate 'enter:deploy'", report.Cases[1].Mismatches[0], StringComparison.Ordinal);
        Assert.StartsWith("rule 'FE-1 approver holds an approval role' did not run for 'enter:deploy'", report.Cases[1].Mismatches[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fixtures_file_fails_the_report()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("approvals.json", RuleSet);
        using var harness = new GateHarness(folder.Path);

        var report = await harness.Catalog.RunFixturesAsync("approvals");

        Assert.False(report.Passed);
        Assert.Contains("has no fixtures file 'approvals.fixtures.json'", report.Error, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => harness.Catalog.RunFixturesAsync("unknown"));
    }

    [Theory]
    [InlineData("""{ "model": { "riskclass": "high" } }""", "riskclass")]
    [InlineData("""{ "model": { "version": "three" } }""", "case 'broken'")]
    public void Fixture_input_that_is_not_a_gate_input_is_refused_naming_the_case(string input, string phrase)
    {
        var error = Assert.Throws<InvalidDataException>(() => FixtureFileReader.Read(Fixtures(("broken", input, "Allowed", true))));

        Assert.Contains(phrase, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A fixtures file over the well-formed base: (name, merge patch, outcome, expected result of the one rule).</summary>
    private static string Fixtures(params (string Name, string Patch, string Outcome, bool Rule)[] cases)
    {
        var baseInput = OrleansMlops.Governance.Evaluation.GateInputJson.Serialize(GateInputs.For("approve"));
        var items = cases.Select(c =>
            $$"""{ "name": "{{c.Name}}", "input": {{c.Patch}}, "expect": { "outcome": "{{c.Outcome}}", "rules": { "FE-1 approver holds an approval role": {{(c.Rule ? "true" : "false")}} } } }""");
        return $$"""{ "ruleSet": "approvals", "base": {{baseInput}}, "cases": [ {{string.Join(", ", items)}} ] }""";
    }
}
