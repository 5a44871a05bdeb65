using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Testing;
using static OrleansMlops.Grains.Tests.CreditRuns;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// The gate input carries every fact from its real source: a test rule set (Policies/facts) asserts each fact at the
/// transition where it must hold, so a fact the engine fails to fill blocks the run naming the rule.
/// </summary>
public sealed class GateFactsTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new() { PoliciesPath = Path.Combine(AppContext.BaseDirectory, "Policies", "facts") };
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task Every_fact_holds_where_it_must_from_start_to_deployment()
    {
        await _engine.Client.StartValidated("run-facts");
        var view = await _engine.Client.Complete("run-facts", Approval, Actors.Bob);

        Assert.True(view.Status == RunStatus.Completed, view.Problem);
        var governed = view.Decisions.Where(d => d.RuleSets.Any(r => r.RuleSetId == "engine-facts")).ToList();
        Assert.Equal(["enter:train", "enter:validate", "approve", "enter:deploy", "enter:deploy"], governed.Select(d => d.Transition));
        Assert.All(governed, d => Assert.True(d.Allows, string.Join("; ", d.Results.Where(r => !r.Passed).Select(r => r.RuleName))));
        Assert.Equal(14, governed.Sum(d => d.Results.Length));

        var model = await _engine.Client.ModelOf(view);
        var register = model.Documents.Single(d => d.Kind == "risk-register");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, register.Uri));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), register.Sha256);
        Assert.Equal(("carol", "alice"), (register.Attributes["residualRiskAcceptedBy"], register.AttachedBy));
    }

    [Fact]
    public async Task A_run_without_declared_thresholds_is_blocked_at_validation_by_the_fact_it_lacks()
    {
        var parameters = Parameters.Remove("threshold.auc.min").Remove("threshold.disparity.max");

        var view = await _engine.Client.Start("run-no-thresholds", parameters: parameters);

        Assert.Equal(RunStatus.Blocked, view.Status);
        var blocked = view.Decisions[^1];
        Assert.Equal(("enter:validate", GateOutcome.Blocked), (blocked.Transition, blocked.Outcome));
        Assert.Equal(["FACTS-3 thresholds declared at start, metrics not yet measured"], blocked.Results.Where(r => !r.Passed).Select(r => r.RuleName));
        Assert.Equal(ModelLifecycle.Registered, (await _engine.Client.ModelOf(view)).Lifecycle);
    }
}
