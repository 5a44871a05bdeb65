using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.DryRun;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.DryRun;

/// <summary>A candidate replayed over decisions the real gate made on the default packs.</summary>
public sealed class DryRunTests : IDisposable
{
    private const string Bias = "AI-10c bias examined and disparity within 0.10";

    private readonly TempPolicyDirectory _folder = new();
    private readonly GateHarness _harness;

    public DryRunTests()
    {
        foreach (var file in Directory.GetFiles(TestFiles.Policies, "*.json"))
        {
            File.Copy(file, _folder.File(Path.GetFileName(file)));
        }

        _harness = new GateHarness(_folder.Path);
    }

    [Fact]
    public async Task Dry_run_reports_exactly_the_changed_outcomes_of_a_prepared_history()
    {
        var history = await HistoryAsync();
        var candidate = (await File.ReadAllTextAsync(_folder.File("eu-ai-act-high-risk.json")))
            .Replace("Math.Abs(model.Metric(\\\"disparity\\\")) <= 0.10", "Math.Abs(model.Metric(\\\"disparity\\\")) <= 0.05", StringComparison.Ordinal);
        Assert.Contains("<= 0.05", candidate, StringComparison.Ordinal);

        var report = await _harness.DryRunner.RunAsync(candidate, history, CancellationToken.None);

        Assert.Equal(("eu-ai-act-high-risk", 0, 1), (report.Candidate.RuleSetId, report.Candidate.Version, report.Replaces!.Version));
        Assert.Equal((5, 1, 1, 0), (report.Evaluated, report.Changed, report.NewlyBlocked, report.NewlyAllowed));
        var changed = Assert.Single(report.Decisions, d => d.Changed);
        Assert.Equal(history[1].DecisionId, changed.DecisionId);
        Assert.Equal((GateOutcome.Allowed, GateOutcome.Blocked), (changed.OldOutcome, changed.NewOutcome));
        var rule = Assert.Single(changed.ChangedRules);
        Assert.Equal(("eu-ai-act-high-risk", Bias, true, false), (rule.RuleSetId, rule.RuleName, rule.OldPassed, rule.NewPassed));
        Assert.All(report.Decisions.Where(d => !d.Changed), d => Assert.Empty(d.ChangedRules));
        Assert.Equal(history.Select(d => d.Outcome), report.Decisions.Select(d => d.OldOutcome));
    }

    [Fact]
    public async Task Candidate_with_a_new_id_is_added_and_its_rules_count_as_changes()
    {
        var history = await HistoryAsync();
        var candidate = RuleSetJson.SingleRule("deploy-freeze", "enter:deploy", "FE-1 no deploy during the freeze", "false", "FE-1: deployments are frozen.");

        var report = await _harness.DryRunner.RunAsync(candidate, history, CancellationToken.None);

        Assert.Null(report.Replaces);
        var changed = Assert.Single(report.Decisions, d => d.Changed);
        Assert.Equal("enter:deploy", changed.Transition);
        Assert.Equal(new RuleChange("deploy-freeze", "FE-1 no deploy during the freeze", null, false, "FE-1: deployments are frozen."), Assert.Single(changed.ChangedRules));
    }

    [Fact]
    public async Task Refused_candidate_throws_and_unreadable_input_is_an_error_entry()
    {
        var history = await HistoryAsync();
        var broken = history[0] with { InputJson = "{ \"transition\": 5 }" };

        await Assert.ThrowsAsync<GovernanceException>(() => _harness.DryRunner.RunAsync(
            RuleSetJson.SingleRule("x", "approve", "r", "model.GetType().Assembly != null"), history, CancellationToken.None));
        var report = await _harness.DryRunner.RunAsync(await File.ReadAllTextAsync(_folder.File("four-eyes.json")), [broken], CancellationToken.None);

        var entry = Assert.Single(report.Decisions);
        Assert.Equal((GateOutcome.Allowed, GateOutcome.Error, true), (entry.OldOutcome, entry.NewOutcome, entry.Changed));
        Assert.Contains("cannot be read back", entry.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    /// <summary>Five decisions of the real gate: approvals at disparities 0.04, 0.08 and 0.15, a trainer approving, a deploy.</summary>
    private async Task<IReadOnlyList<GateDecision>> HistoryAsync()
    {
        var approve = GateInputs.For("approve");
        GateInput WithDisparity(double value) => approve with { Model = approve.Model with { Metrics = approve.Model.Metrics.SetItem("disparity", value) } };
        GateInput[] inputs =
        [
            WithDisparity(0.04),
            WithDisparity(0.08),
            WithDisparity(0.15),
            approve with { Actor = new Actor("alice", ["approver"], "credit-analytics") },
            GateInputs.For("enter:deploy"),
        ];
        var decisions = new List<GateDecision>();
        foreach (var input in inputs)
        {
            decisions.Add(await _harness.EvaluateAsync(input));
        }

        Assert.Equal([GateOutcome.Allowed, GateOutcome.Allowed, GateOutcome.Blocked, GateOutcome.Blocked, GateOutcome.Allowed], decisions.Select(d => d.Outcome));
        return decisions;
    }
}
