using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.Evaluation;

/// <summary>Governance errors block, distinct from failed rules: budget, required transitions, rules that cannot run.</summary>
public sealed class FailClosedTests
{
    [Fact]
    public async Task Evaluation_over_its_time_budget_is_a_governance_error_never_allowed()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("slow.json", RuleSetJson.SingleRule("slow", "enter:review", "quadratic",
            "run.Variables.All(a => !run.Variables.Any(b => b.Key == a.Key + \"#\"))"));
        var options = GateHarness.Ungoverned(folder.Path);
        options.EvaluationBudget = TimeSpan.FromMilliseconds(50);
        using var harness = new GateHarness(folder.Path, options: options);
        var variables = Enumerable.Range(0, 3_000).ToImmutableDictionary(i => $"v{i}", i => "x");
        var input = GateInputs.For("enter:review") with { Run = GateInputs.WellFormed.Run with { Variables = variables } };
        await harness.Catalog.ReloadAsync();

        var decision = await harness.EvaluateAsync(input);

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.Contains("governance error: evaluation exceeded its time budget of 50 ms", decision.Error, StringComparison.Ordinal);
        Assert.Empty(decision.Results);
        Assert.Equal("slow", Assert.Single(decision.RuleSets).RuleSetId);
    }

    [Fact]
    public async Task Required_transition_without_a_rule_set_in_force_is_a_governance_error()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Registered"));
        using var harness = new GateHarness(folder.Path);

        var approve = await harness.EvaluateAsync(GateInputs.For("approve"));
        var review = await harness.EvaluateAsync(GateInputs.For("enter:review"));

        Assert.Equal(GateOutcome.Error, approve.Outcome);
        Assert.Contains("governance error: 'approve' must be governed", approve.Error, StringComparison.Ordinal);
        Assert.Empty(approve.Results);
        Assert.Equal(GateOutcome.Allowed, review.Outcome);
    }

    [Fact]
    public async Task Required_transitions_are_configurable()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Registered"));
        var options = GateHarness.Ungoverned(folder.Path);
        options.RequiredTransitions = ["enter:review"];
        using var harness = new GateHarness(folder.Path, options: options);

        Assert.Equal(GateOutcome.Allowed, (await harness.EvaluateAsync(GateInputs.For("approve"))).Outcome);
        Assert.Equal(GateOutcome.Error, (await harness.EvaluateAsync(GateInputs.For("enter:review"))).Outcome);
    }

    [Fact]
    public async Task Rule_set_not_yet_effective_still_governs_its_transition()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:deploy") with { Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal(GateOutcome.Allowed, decision.Outcome);
        Assert.Empty(decision.RuleSets);
    }

    [Fact]
    public async Task Rule_that_cannot_be_evaluated_is_a_governance_error_distinct_from_a_failed_rule()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("throws-missing-key.json", "effective-window.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:deploy"));

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.StartsWith("governance error: rule 'unguarded metric'", decision.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("frozen", decision.Error, StringComparison.Ordinal);
    }
}
