using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>A failed gate blocks the transition, is recorded with the run, and can be retried once the rules are fixed.</summary>
public sealed class GateTests : IAsyncLifetime
{
    private static readonly string ExtraPolicy = Path.Combine(AppContext.BaseDirectory, "Policies", "cost-centre.json");
    private readonly EngineSetup _setup = new() { WatchPolicies = true };
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _setup.PoliciesPath = _setup.Directory.CopyFrom(RepoPaths.Policies, "policies");
        File.Copy(ExtraPolicy, Path.Combine(_setup.PoliciesPath, "cost-centre.json"));
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task A_failed_gate_blocks_the_stage_and_records_the_decision_with_the_failed_rule()
    {
        var view = await Run("run-blocked").Start(new StartRunRequest("credit-risk", null, CreditRuns.Parameters, Actors.Alice));

        Assert.Equal(RunStatus.Blocked, view.Status);
        Assert.Null(view.Model);
        var decision = Assert.Single(view.Decisions);
        Assert.Equal("enter:train", decision.Transition);
        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
        var failed = Assert.Single(decision.Results, r => !r.Passed);
        Assert.Equal("cost-centre", failed.RuleSetId);
        Assert.Equal("FIN-1 cost centre declared", failed.RuleName);
        Assert.Contains("costCentre", failed.Message);
        Assert.Contains(decision.RuleSets, r => r.RuleSetId == "cost-centre" && r.ContentHash.Length == 64);
        // The run keeps the decision without its input; the decision log has it whole.
        Assert.Empty(decision.InputJson);
        var logged = await _engine.SiloService<IDecisionStore>().GetAsync(decision.DecisionId, CancellationToken.None);
        Assert.Contains("\"purpose\"", logged!.InputJson, StringComparison.Ordinal);
        Assert.Equal(decision.Results.AsEnumerable(), logged.Results.AsEnumerable());
        Assert.Contains("FIN-1", view.Problem);
        Assert.Equal("gate.blocked", view.History[^1].Kind);
        Assert.Equal(0, _setup.Echo.TotalExecutions);
        Assert.True((await Run("run-blocked").VerifyAudit()).Valid);
    }

    [Fact]
    public async Task A_blocked_run_moves_on_when_retried_after_the_rule_set_is_fixed()
    {
        await Run("run-retry").Start(new StartRunRequest("credit-risk", null, CreditRuns.Parameters, Actors.Alice));

        var still = await Run("run-retry").Retry(Actors.Alice);
        Assert.Equal(RunStatus.Blocked, still.Status);
        Assert.Equal(2, still.Decisions.Length);

        File.Delete(Path.Combine(_setup.PoliciesPath, "cost-centre.json"));
        var moved = await Eventually.Until(
            () => Run("run-retry").Retry(Actors.Alice),
            v => v.Status != RunStatus.Blocked,
            what: "the policy reload");

        Assert.Equal(RunStatus.WaitingForUser, moved.Status);
        Assert.Contains(moved.History, h => h.Kind == "run.retried" && h.Actor == "alice");
        Assert.True((await Run("run-retry").VerifyAudit()).Valid);
    }

    [Fact]
    public async Task A_run_that_is_not_blocked_refuses_a_retry()
    {
        var parameters = CreditRuns.Parameters.Add("costCentre", Variable.Of("CC-4711"));
        await Run("run-free").Start(new StartRunRequest("credit-risk", null, parameters, Actors.Alice));

        var refusal = await Assert.ThrowsAsync<RunException>(() => Run("run-free").Retry(Actors.Alice));

        Assert.Equal(RunErrorCode.WrongState, refusal.Code);
    }

    private IPipelineRunGrain Run(string runId) => _engine.Client.GetGrain<IPipelineRunGrain>(runId);
}
