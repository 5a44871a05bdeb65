using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests;

public sealed class GovernanceGateTests
{
    [Fact]
    public async Task Documented_expression_forms_evaluate_on_typed_input()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("expression-forms.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.Review());

        Assert.All(decision.Results, r => Assert.True(r.Passed, $"{r.RuleName}: {r.Message}"));
        Assert.Equal(GateOutcome.Allowed, decision.Outcome);
        Assert.Equal(23, decision.Results.Length);
    }

    [Fact]
    public async Task Transition_that_is_not_required_and_has_no_rule_sets_is_allowed_with_no_results()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:review"));

        Assert.Equal(GateOutcome.Allowed, decision.Outcome);
        Assert.Empty(decision.RuleSets);
        Assert.Empty(decision.Results);
        Assert.Null(decision.Error);
    }

    [Fact]
    public async Task Decision_ids_sort_in_the_order_the_decisions_were_made()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var harness = new GateHarness(folder.Path, timeProvider: clock);

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await harness.EvaluateAsync(GateInputs.For("enter:review"))).DecisionId);
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("2025-12-31T23:59:59Z", false)]
    [InlineData("2026-01-01T00:00:00Z", true)]
    [InlineData("2026-06-01T12:00:00+02:00", true)]
    [InlineData("2026-12-31T23:59:59Z", true)]
    [InlineData("2027-01-01T00:00:00Z", false)]
    public async Task Rule_set_applies_only_within_its_effective_window(string now, bool applies)
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        using var harness = new GateHarness(folder.Path);
        var input = GateInputs.For("enter:deploy") with { Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture) };

        var decision = await harness.EvaluateAsync(input);

        Assert.Equal(applies ? GateOutcome.Blocked : GateOutcome.Allowed, decision.Outcome);
        Assert.Equal(applies ? 1 : 0, decision.RuleSets.Length);
        if (applies)
        {
            Assert.Equal("Deployments outside the sandbox are frozen during 2026.", Assert.Single(decision.Results).Message);
        }
    }

    [Fact]
    public async Task Rule_that_throws_on_a_missing_key_is_an_error_never_allowed()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("throws-missing-key.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:deploy"));

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.False(decision.Allows);
        var result = Assert.Single(decision.Results);
        Assert.False(result.Passed);
        Assert.Contains("'nope'", result.Message, StringComparison.Ordinal);
        Assert.Contains("rule 'unguarded metric' of rule set 'throws-missing-key'", decision.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_that_dereferences_null_is_an_error()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("null-member.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.For("approve") with { Run = GateInputs.WellFormed.Run with { Validator = null } });

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.Contains("Object reference", Assert.Single(decision.Results).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erroring_rule_outweighs_a_failed_rule()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json", "throws-missing-key.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:deploy"));

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.Equal(["effective-window", "throws-missing-key"], decision.RuleSets.Select(r => r.RuleSetId));
        Assert.Equal(2, decision.Results.Count(r => !r.Passed));
    }

    [Fact]
    public async Task Rule_set_with_two_workflows_reports_every_enabled_rule()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("multi-workflow.json");
        using var harness = new GateHarness(folder.Path);

        var allowed = await harness.EvaluateAsync(GateInputs.For("enter:validate"));
        var blocked = await harness.EvaluateAsync(GateInputs.For("enter:validate") with { Model = GateModelFacts.None });

        Assert.Equal(GateOutcome.Allowed, allowed.Outcome);
        Assert.Equal(["registered", "named model"], allowed.Results.Select(r => r.RuleName));
        Assert.Equal(GateOutcome.Blocked, blocked.Outcome);
        Assert.Equal(["Register the model.", "Name the model."], blocked.Results.Select(r => r.Message));
    }

    [Fact]
    public async Task Decision_records_the_rule_set_version_hash_and_a_deterministic_input_snapshot()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        using var harness = new GateHarness(folder.Path);
        var input = GateInputs.For("enter:deploy");
        var reordered = input with
        {
            Model = input.Model with { Metrics = ImmutableDictionary.CreateRange(input.Model.Metrics.Reverse()) },
        };

        var decision = await harness.EvaluateAsync(input);
        var again = await harness.EvaluateAsync(reordered);

        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(folder.File("effective-window.json"))));
        Assert.Equal(new RuleSetRef("effective-window", 1, hash), Assert.Single(decision.RuleSets));
        Assert.Matches("^[0-9a-f]{32}$", decision.DecisionId);
        Assert.NotEqual(decision.DecisionId, again.DecisionId);
        Assert.Equal(GateInputs.RunId, decision.RunId);
        Assert.Equal("enter:deploy", decision.Transition);
        Assert.Equal(input.Run.NodeId, decision.NodeId);
        Assert.Equal(input.Now, decision.EvaluatedAt);
        Assert.True(decision.DurationMs > 0);
        Assert.Equal(decision.InputJson, again.InputJson);

        using var json = JsonDocument.Parse(decision.InputJson);
        var root = json.RootElement;
        Assert.Equal("enter:deploy", root.GetProperty("transition").GetString());
        Assert.Equal("alice", root.GetProperty("run").GetProperty("submitter").GetProperty("id").GetString());
        Assert.Equal(["auc", "disparity", "robustness.aucDrop", "trainAuc"], root.GetProperty("model").GetProperty("metrics").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Concurrent_decisions_share_one_compiled_rule_set()
    {
        using var harness = new GateHarness(TestFiles.Policies);
        var inputs = new[] { "enter:train", "enter:validate", "approve", "enter:deploy" }.Select(GateInputs.For).ToArray();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => harness.EvaluateAsync(inputs[i % inputs.Length]))));

        Assert.All(decisions, d => Assert.Equal(GateOutcome.Allowed, d.Outcome));
        Assert.All(decisions, d => Assert.NotEmpty(d.RuleSets));
    }

    [Fact]
    public async Task Input_for_another_run_is_an_error()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.Gate.EvaluateAsync("run-2", null, GateInputs.For("enter:deploy"), CancellationToken.None);

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.Contains("not run 'run-2'", decision.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Enter:Deploy")]
    [InlineData("deploy")]
    [InlineData("")]
    public async Task Misspelt_transition_is_an_error_rather_than_matching_no_rule_set(string transition)
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        using var harness = new GateHarness(folder.Path);

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:deploy") with { Transition = transition });

        Assert.Equal(GateOutcome.Error, decision.Outcome);
    }

    [Fact]
    public async Task Cancelled_evaluation_throws_instead_of_deciding()
    {
        using var folder = TempPolicyDirectory.WithGoodFiles("effective-window.json");
        using var harness = new GateHarness(folder.Path);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var input = GateInputs.For("enter:deploy");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Gate.EvaluateAsync(input.Run.RunId, null, input, cancellation.Token));
    }
}
