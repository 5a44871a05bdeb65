using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>BPMN semantics inside the run grain: parallel branches, retries, timers and version pinning.</summary>
public sealed class EngineSemanticsTests : IAsyncLifetime
{
    private static readonly string TestBpmn = Path.Combine(AppContext.BaseDirectory, "Bpmn");
    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        foreach (var id in new[] { "parallel", "flaky", "waiting", "reassigned-trainer", "misnamed-gate", "gateway-incident" })
        {
            await _engine.PublishAsync(id, Path.Combine(TestBpmn, id + ".bpmn"));
        }
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task Parallel_branches_both_run_and_join_before_the_next_stage()
    {
        var view = await Start("run-parallel", "parallel");

        Assert.Equal(RunStatus.Completed, view.Status);
        Assert.True(view.Variables["robustness.done"].Boolean);
        Assert.True(view.Variables["fairness.done"].Boolean);
        Assert.True(view.Variables["report.done"].Boolean);
        var entered = view.History.SelectMany(h => h.Steps).Where(s => s.Kind == TransitionStepKind.NodeEntered).Select(s => s.NodeId).ToList();
        Assert.True(entered.LastIndexOf("report") > entered.IndexOf("robustness"));
        Assert.True(entered.LastIndexOf("report") > entered.IndexOf("fairness"));
        Assert.Single(entered, "report");
        Assert.Equal(3, _setup.Echo.TotalExecutions);
    }

    [Fact]
    public async Task A_failing_stage_is_retried_after_its_backoff_and_then_succeeds()
    {
        var waiting = await Start("run-flaky", "flaky");

        Assert.Equal(RunStatus.WaitingForTimer, waiting.Status);
        var failure = Assert.Single(waiting.History, h => h.Kind == "stage.failed");
        Assert.Contains("upstream data source unavailable", failure.Summary);

        _engine.Clock.Advance(TimeSpan.FromSeconds(11));
        var done = await Eventually.Until(() => Run("run-flaky").GetView(), v => v.Status == RunStatus.Completed, what: "the retried stage");
        Assert.Contains(done.History, h => h.Kind == "stage.completed");
    }

    [Fact]
    public async Task A_gateway_condition_that_cannot_be_evaluated_blocks_the_run_as_an_incident_until_a_retry_routes_it()
    {
        var stopped = await Start("run-incident", "gateway-incident");

        // The other branch is not held up: the check ran, only the gateway's token stopped.
        Assert.Equal(RunStatus.Blocked, stopped.Status);
        Assert.True(stopped.Variables["check.done"].Boolean);
        Assert.Equal(TokenStatus.Incident, Assert.Single(stopped.Tokens).Status);
        Assert.Equal(
            "Incident: exclusive gateway 'Checked?' (route) cannot evaluate the condition of flow 'skip' (${!check.done}): 'not' needs a boolean, not null",
            stopped.Problem);
        Assert.Contains(stopped.History.SelectMany(h => h.Steps), s => s.Kind == TransitionStepKind.IncidentRaised && s.NodeId == "route");
        Assert.DoesNotContain(stopped.History.SelectMany(h => h.Steps), s => s.Kind == TransitionStepKind.FlowTaken && s.NodeId == "went");

        var retried = await Run("run-incident").Retry(Actors.Alice);

        Assert.Equal(RunStatus.Completed, retried.Status);
        var retry = Assert.Single(retried.History, h => h.Kind == "run.retried");
        Assert.Equal("alice", retry.Actor);
        Assert.Contains(retry.Steps, s => s.Kind == TransitionStepKind.IncidentRetried && s.NodeId == "route");
        Assert.Contains(retry.Steps, s => s is { Kind: TransitionStepKind.FlowTaken, NodeId: "went", Detail: "go" });
        Assert.True((await Run("run-incident").VerifyAudit()).Valid);
        await Assert.ThrowsAsync<RunException>(() => Run("run-incident").Retry(Actors.Alice));
    }

    [Fact]
    public async Task An_intermediate_timer_holds_the_run_until_the_clock_passes_it()
    {
        var waiting = await Start("run-timer", "waiting");
        Assert.Equal(RunStatus.WaitingForTimer, waiting.Status);
        Assert.Equal("cooldown", Assert.Single(waiting.CurrentNodes));

        _engine.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(100);
        Assert.Equal(RunStatus.WaitingForTimer, (await Run("run-timer").GetView()).Status);

        _engine.Clock.Advance(TimeSpan.FromHours(1));
        var done = await Eventually.Until(() => Run("run-timer").GetView(), v => v.Status == RunStatus.Completed, what: "the timer");
        Assert.True(done.Variables["publish.done"].Boolean);
    }

    [Fact]
    public async Task A_run_stays_on_the_version_it_started_with_after_a_new_version_is_published()
    {
        var v1 = await _engine.Client.GetGrain<IWorkflowDefinitionGrain>("waiting").GetVersions();
        await Start("run-pinned", "waiting");

        var changed = (await File.ReadAllTextAsync(Path.Combine(TestBpmn, "waiting.bpmn"))).Replace("PT2H", "PT5M", StringComparison.Ordinal);
        var v2 = await _engine.Client.GetGrain<IWorkflowDefinitionGrain>("waiting").PublishFromFolder(changed, "tests/waiting.bpmn");
        Assert.True(v2.Created);
        Assert.Equal(2, v2.Version!.Version);

        var view = await Run("run-pinned").GetView();
        Assert.Equal(v1[^1].Version, view.Workflow!.Version);
        Assert.Equal(v1[^1].ContentHash, view.Workflow.ContentHash);

        var newRun = await Start("run-on-v2", "waiting");
        Assert.Equal(2, newRun.Workflow!.Version);

        _engine.Clock.Advance(TimeSpan.FromMinutes(6));
        await Eventually.Until(() => Run("run-on-v2").GetView(), v => v.Status == RunStatus.Completed, what: "the v2 run");
        Assert.Equal(RunStatus.WaitingForTimer, (await Run("run-pinned").GetView()).Status);
    }

    [Fact]
    public async Task Publishing_the_same_document_again_returns_the_existing_version()
    {
        var again = await _engine.Client.GetGrain<IWorkflowDefinitionGrain>("parallel")
            .PublishFromFolder(await File.ReadAllTextAsync(Path.Combine(TestBpmn, "parallel.bpmn")), "tests/parallel.bpmn");

        Assert.False(again.Created);
        Assert.Equal(1, again.Version!.Version);
    }

    [Fact]
    public async Task Publishing_malformed_bpmn_is_refused_with_problems_and_stores_no_version()
    {
        var grain = _engine.Client.GetGrain<IWorkflowDefinitionGrain>("broken");

        var result = await grain.PublishFromFolder("<definitions><process id='p'>", "tests/broken.bpmn");

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
        Assert.Empty(await grain.GetVersions());
    }

    [Fact]
    public async Task A_workflow_whose_task_would_record_its_completer_as_trainer_is_refused_at_start()
    {
        var refusal = await Assert.ThrowsAsync<RunException>(() => Start("run-reassigned", "reassigned-trainer"));

        Assert.Equal(RunErrorCode.InvalidRequest, refusal.Code);
        Assert.Contains("mlops:actorRole=\"trainer\"", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.NotStarted, (await Run("run-reassigned").GetView()).Status);
    }

    [Fact]
    public async Task A_workflow_whose_task_gate_is_not_a_sign_off_is_refused_at_start()
    {
        var refusal = await Assert.ThrowsAsync<RunException>(() => Start("run-misnamed-gate", "misnamed-gate"));

        Assert.Equal(RunErrorCode.InvalidRequest, refusal.Code);
        Assert.Contains("user task 'review' declares mlops:gate=\"enter:deploy\"", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.NotStarted, (await Run("run-misnamed-gate").GetView()).Status);
    }

    private Task<RunView> Start(string runId, string workflowId) =>
        Run(runId).Start(new StartRunRequest(workflowId, null, ImmutableDictionary<string, Variable>.Empty, Actors.Alice));

    private IPipelineRunGrain Run(string runId) => _engine.Client.GetGrain<IPipelineRunGrain>(runId);
}
