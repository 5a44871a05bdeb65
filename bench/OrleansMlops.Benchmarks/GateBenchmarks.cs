using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Evaluation;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Benchmarks;

/// <summary>
/// One gate evaluation over the full default packs (policies/), as the engine asks it: input snapshot, every
/// applicable rule set, outcome. Passing inputs are the fixtures' well-formed run; failing ones break several rules.
/// The baseline is the same gate over a single one-rule rule set: the fixed cost of any governed decision (input
/// snapshot, decision record), so the ratios show what the default packs add.
/// </summary>
[MemoryDiagnoser]
public class GateBenchmarks : IDisposable
{
    private const string OneRuleSet = """
        {"id":"one-rule","title":"Baseline: one rule","owner":"benchmarks","appliesTo":["approve"],
         "workflows":[{"WorkflowName":"one-rule","Rules":[{"RuleName":"approver","Expression":"actor.HasRole(\"approver\")","ErrorMessage":"Approver needed."}]}]}
        """;

    private readonly string _oneRuleFolder = Path.Combine(Path.GetTempPath(), "orleans-mlops-bench-" + Guid.NewGuid().ToString("N"));
    private RuleSetCatalog? _catalog;
    private RuleSetCatalog? _oneRuleCatalog;
    private GovernanceGate? _gate;
    private GovernanceGate? _oneRuleGate;
    private GateInput _approvePassing = null!;
    private GateInput _approveFailing = null!;
    private GateInput _deployPassing = null!;
    private GateInput _deployFailing = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var policies = Path.Combine(AppContext.BaseDirectory, "policies");
        var options = new GovernanceOptions { PoliciesPath = policies };
        _catalog = new RuleSetCatalog(policies, new RuleSetLoader(options), new InMemoryRuleSetVersionStore(), TimeProvider.System,
            NullLogger<RuleSetCatalog>.Instance);
        _gate = new GovernanceGate(_catalog, Options.Create(options), TimeProvider.System, NullLogger<GovernanceGate>.Instance);
        var snapshot = await _catalog.GetSnapshotAsync();
        if (snapshot.RuleSets.Length != 7 || !snapshot.Refused.IsEmpty)
        {
            throw new InvalidOperationException($"Expected the 7 default packs in {policies}, found {snapshot.RuleSets.Length} and {snapshot.Refused.Length} refused.");
        }

        Directory.CreateDirectory(_oneRuleFolder);
        await File.WriteAllTextAsync(Path.Combine(_oneRuleFolder, "one-rule.json"), OneRuleSet);
        var oneRuleOptions = new GovernanceOptions { PoliciesPath = _oneRuleFolder, RequiredTransitions = [] };
        _oneRuleCatalog = new RuleSetCatalog(_oneRuleFolder, new RuleSetLoader(oneRuleOptions), new InMemoryRuleSetVersionStore(), TimeProvider.System,
            NullLogger<RuleSetCatalog>.Instance);
        _oneRuleGate = new GovernanceGate(_oneRuleCatalog, Options.Create(oneRuleOptions), TimeProvider.System, NullLogger<GovernanceGate>.Instance);

        var wellFormed = ReadWellFormedRun(policies);
        _approvePassing = wellFormed with { Transition = "approve" };
        _approveFailing = _approvePassing with
        {
            Actor = new Actor("alice", ["approver"], "credit-analytics"),
            Model = wellFormed.Model with { Metrics = wellFormed.Model.Metrics.SetItem("disparity", 0.15) },
        };
        _deployPassing = wellFormed with { Transition = "enter:deploy", Actor = Actor.System };
        _deployFailing = _deployPassing with
        {
            Environment = wellFormed.Environment with { LogRetentionDays = 90 },
            Model = wellFormed.Model with { Documents = wellFormed.Model.Documents.RemoveAll(d => d.Kind == "human-review-path") },
        };

        if ((await OneRuleApprove()).Outcome != GateOutcome.Allowed)
        {
            throw new InvalidOperationException("The one-rule baseline must allow the well-formed approval.");
        }

        await Expect(_approvePassing, GateOutcome.Allowed);
        await Expect(_approveFailing, GateOutcome.Blocked);
        await Expect(_deployPassing, GateOutcome.Allowed);
        await Expect(_deployFailing, GateOutcome.Blocked);
    }

    [Benchmark(Baseline = true)]
    public Task<GateDecision> OneRuleApprove() =>
        _oneRuleGate!.EvaluateAsync(_approvePassing.Run.RunId, _approvePassing.Run.NodeId, _approvePassing, CancellationToken.None);

    [Benchmark]
    public Task<GateDecision> ApprovePassing() => Evaluate(_approvePassing);

    [Benchmark]
    public Task<GateDecision> ApproveFailing() => Evaluate(_approveFailing);

    [Benchmark]
    public Task<GateDecision> DeployPassing() => Evaluate(_deployPassing);

    [Benchmark]
    public Task<GateDecision> DeployFailing() => Evaluate(_deployFailing);

    [GlobalCleanup]
    public void Dispose()
    {
        _catalog?.Dispose();
        _oneRuleCatalog?.Dispose();
        if (Directory.Exists(_oneRuleFolder))
        {
            Directory.Delete(_oneRuleFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private Task<GateDecision> Evaluate(GateInput input) => _gate!.EvaluateAsync(input.Run.RunId, input.Run.NodeId, input, CancellationToken.None);

    private async Task Expect(GateInput input, GateOutcome outcome)
    {
        var decision = await Evaluate(input);
        if (decision.Outcome != outcome)
        {
            throw new InvalidOperationException($"{input.Transition}: expected {outcome}, got {decision.Outcome}: {decision.Error}");
        }
    }

    private static GateInput ReadWellFormedRun(string policies)
    {
        using var fixtures = JsonDocument.Parse(File.ReadAllText(Path.Combine(policies, "four-eyes.fixtures.json")));
        return GateInputJson.Deserialize(fixtures.RootElement.GetProperty("base"));
    }
}
