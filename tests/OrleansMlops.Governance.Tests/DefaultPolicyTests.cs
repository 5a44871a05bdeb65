using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests;

/// <summary>The shipped policies/ files: each loads, passes a good input, and each rule fails alone on a bad one.</summary>
public sealed class DefaultPolicyTests : IDisposable
{
    /// <summary>For each default rule, inputs that break that rule and no other (case name, transition, change).</summary>
    private static readonly (string Rule, string Case, string Transition, Func<GateInput, GateInput> Break)[] Breakers =
    [
        ("AI-01 intended purpose declared", "no purpose", "enter:train", i => i with { Run = i.Run with { Variables = i.Run.Variables.Remove("purpose") } }),
        ("AI-01 intended purpose declared", "blank purpose", "enter:train", i => i with { Run = i.Run with { Variables = i.Run.Variables.SetItem("purpose", "  ") } }),
        ("AI-10a model version registered", "not registered", "enter:validate", i => i with { Model = i.Model with { Registered = false } }),
        ("AI-10a training dataset hashed", "no hash", "enter:validate", i => i with { Model = i.Model with { DatasetSha256 = null } }),
        ("AI-10a training dataset hashed", "not hex", "enter:validate", i => i with { Model = i.Model with { DatasetSha256 = new string('z', 64) } }),
        ("AI-10a training dataset hashed", "too short", "enter:validate", i => i with { Model = i.Model with { DatasetSha256 = "9f86d081" } }),
        ("AI-10b code commit recorded", "no commit", "enter:validate", i => i with { Model = i.Model with { CodeCommit = null } }),
        ("AI-10b code commit recorded", "blank commit", "enter:validate", i => i with { Model = i.Model with { CodeCommit = "   " } }),
        ("FE-1 approver is a named person", "system id", "approve", i => i with { Actor = new Actor("system", ["approver"], null) }),
        ("FE-1 approver is a named person", "system role", "approve", i => i with { Actor = new Actor("deadline-bot", ["approver", "system"], null) }),
        ("FE-1 approver is not the submitter", "submitter approves", "approve",
            i => i with { Actor = new Actor("ALICE", ["approver"], null), Run = i.Run with { Trainer = new Actor("carol", ["data-scientist"], null) } }),
        ("FE-1 approver is not the trainer", "trainer approves", "approve",
            i => i with { Actor = new Actor("carol", ["approver"], null), Run = i.Run with { Trainer = new Actor("carol", ["data-scientist"], null) } }),
        ("FE-1 approver is not the trainer", "trainer unknown", "approve", i => i with { Run = i.Run with { Trainer = null } }),
        ("FE-1 approver holds an approval role", "no role", "approve", i => i with { Actor = new Actor("bob", ["data-scientist"], null) }),
        ("FE-1 model version approved", "only validated", "enter:deploy", i => i with { Model = i.Model with { Lifecycle = "Validated" } }),
        ("AI-09b validation AUC at least 0.70", "auc low", "enter:deploy", i => i with { Model = i.Model with { Metrics = i.Model.Metrics.SetItem("auc", 0.69) } }),
        ("AI-09b validation AUC at least 0.70", "auc missing", "enter:deploy", i => i with { Model = i.Model with { Metrics = i.Model.Metrics.Remove("auc") } }),
        ("AI-10c bias disparity within 0.10", "disparity high", "enter:deploy", i => i with { Model = i.Model with { Metrics = i.Model.Metrics.SetItem("disparity", 0.15) } }),
        ("AI-10c bias disparity within 0.10", "disparity negative", "enter:deploy", i => i with { Model = i.Model with { Metrics = i.Model.Metrics.SetItem("disparity", -0.2) } }),
        ("AI-10c bias disparity within 0.10", "disparity missing", "enter:deploy", i => i with { Model = i.Model with { Metrics = i.Model.Metrics.Remove("disparity") } }),
    ];

    private readonly GateHarness _harness = new(TestFiles.Policies);

    public static TheoryData<string> PolicyFiles => TestFiles.NamesIn(TestFiles.Policies);

    public static TheoryData<string, string> BrokenRules
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var breaker in Breakers)
            {
                data.Add(breaker.Rule, breaker.Case);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public async Task Policy_file_loads_and_passes_a_good_input(string fileName)
    {
        var loaded = await new RuleSetLoader().LoadFileAsync(Path.Combine(TestFiles.Policies, fileName));

        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), loaded.Id);
        Assert.All(loaded.Rules, r => Assert.Matches("^(AI|FE|MRM|EBA|GDPR)-[0-9a-z]+ ", r.RuleName));
        foreach (var transition in loaded.AppliesTo)
        {
            var decision = await _harness.EvaluateAsync(GateInputs.For(transition));

            Assert.Equal(GateOutcome.Allowed, decision.Outcome);
            Assert.Contains(decision.RuleSets, r => r.RuleSetId == loaded.Id && r.ContentHash == loaded.ContentHash);
            Assert.All(decision.Results, r => Assert.True(r.Passed, $"{r.RuleName}: {r.Message}"));
        }
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Default_rule_blocks_a_bad_input_with_its_message(string ruleName, string caseName)
    {
        var breaker = Breakers.Single(b => b.Rule == ruleName && b.Case == caseName);
        var snapshot = await _harness.Catalog.GetSnapshotAsync();
        var rule = snapshot.RuleSets.SelectMany(r => r.RuleSet.Rules).Single(r => r.RuleName == ruleName);

        var decision = await _harness.EvaluateAsync(breaker.Break(GateInputs.For(breaker.Transition)));

        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
        var failed = Assert.Single(decision.Results, r => !r.Passed);
        Assert.Equal(ruleName, failed.RuleName);
        Assert.Equal(rule.ErrorMessage, failed.Message);
        Assert.Null(decision.Error);
    }

    [Fact]
    public async Task Every_default_rule_has_a_failing_case()
    {
        var snapshot = await _harness.Catalog.GetSnapshotAsync();

        Assert.Equal(TestFiles.NamesIn(TestFiles.Policies).Count, snapshot.RuleSets.Length);
        Assert.Empty(snapshot.Refused);
        foreach (var rule in snapshot.RuleSets.SelectMany(r => r.RuleSet.Rules))
        {
            Assert.Contains(Breakers, b => b.Rule == rule.RuleName);
        }
    }

    [Fact]
    public async Task The_system_can_never_approve()
    {
        var input = GateInputs.For("approve") with { Actor = Actor.System };

        var decision = await _harness.EvaluateAsync(input);

        Assert.NotEqual(GateOutcome.Allowed, decision.Outcome);
    }

    public void Dispose() => _harness.Dispose();
}
