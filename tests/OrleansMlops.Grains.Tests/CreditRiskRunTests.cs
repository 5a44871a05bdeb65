using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>The shipped credit-risk workflow and policies, end to end through the grains, with real training.</summary>
public sealed class CreditRiskRunTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new();
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
    public async Task A_run_trains_a_real_model_validates_it_and_waits_for_approval()
    {
        var view = await StartCreditRun("run-approval");

        Assert.Equal(RunStatus.WaitingForUser, view.Status);
        var task = Assert.Single(view.OpenTasks);
        Assert.Contains("approver", task.CandidateRoles);
        Assert.Equal(EngineCluster.Epoch.AddHours(48), task.DueAt);

        var model = await ModelOf(view);
        Assert.Equal(ModelLifecycle.Validated, model.Lifecycle);
        Assert.InRange(model.ValidationMetrics["auc"], 0.70, 1.0);
        Assert.Equal(64, model.Registration.ArtifactSha256.Length);
        Assert.NotEmpty(model.Registration.Lineage.Files);
        Assert.Equal("alice", model.Registration.Lineage.TrainedBy);

        Assert.All(view.Decisions, d => Assert.Equal(GateOutcome.Allowed, d.Outcome));
        Assert.Contains(view.Decisions, d => d.Transition == "enter:train");
        Assert.Contains(view.Decisions, d => d.Transition == "enter:validate");
        Assert.All(view.Decisions.Where(d => d.Transition == "enter:validate"), d => Assert.NotEmpty(d.RuleSets));
    }

    [Fact]
    public async Task A_second_identity_approves_and_the_run_ends_deployed()
    {
        var started = await StartCreditRun("run-deploy");
        var taskId = started.OpenTasks.Single().TaskId;

        var view = await Run("run-deploy").CompleteTask(new CompleteTaskRequest(taskId, TaskDecision.Approve, Actors.Bob, "Metrics and fairness reviewed"));

        Assert.Equal(RunStatus.Completed, view.Status);
        var model = await ModelOf(view);
        Assert.Equal(ModelLifecycle.Deployed, model.Lifecycle);
        Assert.Equal("bob", model.ApprovedBy);
        Assert.Equal("production", model.Environment);
        Assert.Contains(view.Decisions, d => d.Transition == "approve" && d.Allows);
        Assert.Contains(view.Decisions, d => d.Transition == "enter:deploy" && d.Allows);
        var audit = await Run("run-deploy").VerifyAudit();
        Assert.True(audit.Valid, string.Join("; ", audit.Problems));
        Assert.Equal(view.Version, audit.RecordCount);
    }

    [Fact]
    public async Task The_submitter_cannot_approve_their_own_run_even_holding_the_approver_role()
    {
        await Run("run-four-eyes").Start(new StartRunRequest("credit-risk", null, Purpose, Actors.Mallory));

        var refusal = await Assert.ThrowsAsync<RunException>(() =>
            Run("run-four-eyes").CompleteTask(new CompleteTaskRequest("UserTask_ApproveModel", TaskDecision.Approve, Actors.Mallory, null)));

        Assert.Equal(RunErrorCode.NotPermitted, refusal.Code);
        var view = await Run("run-four-eyes").GetView();
        Assert.Equal(RunStatus.WaitingForUser, view.Status);
        Assert.Equal("task.refused", view.History[^1].Kind);
        Assert.Equal(ModelLifecycle.Validated, (await ModelOf(view)).Lifecycle);
    }

    [Fact]
    public async Task A_person_without_a_candidate_role_cannot_complete_the_task()
    {
        await StartCreditRun("run-roles");

        var refusal = await Assert.ThrowsAsync<RunException>(() => Run("run-roles").CompleteTask(
            new CompleteTaskRequest("UserTask_ApproveModel", TaskDecision.Approve, new Actor("dave", ["data-scientist"], null), null)));

        Assert.Equal(RunErrorCode.NotPermitted, refusal.Code);
        Assert.Equal(RunStatus.WaitingForUser, (await Run("run-roles").GetView()).Status);
    }

    [Fact]
    public async Task A_rejection_ends_the_run_without_deploying()
    {
        await StartCreditRun("run-reject");

        var view = await Run("run-reject").CompleteTask(new CompleteTaskRequest("UserTask_ApproveModel", TaskDecision.Reject, Actors.Bob, "Limitations undocumented"));

        Assert.Equal(RunStatus.Completed, view.Status);
        Assert.Equal("EndEvent_Rejected", view.EndNodeId);
        Assert.False(view.Variables["approved"].Boolean);
        Assert.Equal(ModelLifecycle.Validated, (await ModelOf(view)).Lifecycle);
        Assert.DoesNotContain(view.Decisions, d => d.Transition == "enter:deploy");
    }

    [Fact]
    public async Task An_unanswered_approval_escalates_after_48_hours_and_never_approves_itself()
    {
        await StartCreditRun("run-escalate");

        _engine.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        var escalated = await Eventually.Until(
            () => Run("run-escalate").GetView(),
            v => v.OpenTasks.Any(t => t.TaskId != "UserTask_ApproveModel"),
            what: "the escalation task");

        var task = Assert.Single(escalated.OpenTasks);
        Assert.Contains("model-risk-head", task.CandidateRoles);
        Assert.Equal(RunStatus.WaitingForUser, escalated.Status);
        Assert.False(escalated.Variables.ContainsKey("approved"));
        Assert.Equal(ModelLifecycle.Validated, (await ModelOf(escalated)).Lifecycle);
        Assert.Contains(escalated.History, h => h.Kind == "timer.fired");

        var bobRefused = await Assert.ThrowsAsync<RunException>(() =>
            Run("run-escalate").CompleteTask(new CompleteTaskRequest(task.TaskId, TaskDecision.Approve, Actors.Bob, null)));
        Assert.Equal(RunErrorCode.NotPermitted, bobRefused.Code);

        var done = await Run("run-escalate").CompleteTask(new CompleteTaskRequest(task.TaskId, TaskDecision.Approve, Actors.Carol, "Escalated review"));
        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(ModelLifecycle.Deployed, (await ModelOf(done)).Lifecycle);
    }

    [Fact]
    public async Task A_completed_run_refuses_further_actions()
    {
        await StartCreditRun("run-done");
        await Run("run-done").CompleteTask(new CompleteTaskRequest("UserTask_ApproveModel", TaskDecision.Reject, Actors.Bob, null));

        var refusal = await Assert.ThrowsAsync<RunException>(() =>
            Run("run-done").CompleteTask(new CompleteTaskRequest("UserTask_ApproveModel", TaskDecision.Approve, Actors.Bob, null)));

        Assert.Equal(RunErrorCode.WrongState, refusal.Code);
    }

    [Fact]
    public async Task Starting_a_run_twice_is_refused_and_changes_nothing()
    {
        var first = await StartCreditRun("run-twice");

        var refusal = await Assert.ThrowsAsync<RunException>(() => StartCreditRun("run-twice"));

        Assert.Equal(RunErrorCode.AlreadyStarted, refusal.Code);
        Assert.Equal(first.Version, (await Run("run-twice").GetView()).Version);
    }

    [Fact]
    public async Task Starting_an_unknown_workflow_is_refused_and_stores_nothing()
    {
        var refusal = await Assert.ThrowsAsync<RunException>(() =>
            Run("run-unknown").Start(new StartRunRequest("no-such-workflow", null, Purpose, Actors.Alice)));

        Assert.Equal(RunErrorCode.UnknownWorkflow, refusal.Code);
        Assert.Equal(RunStatus.NotStarted, (await Run("run-unknown").GetView()).Status);
    }

    internal static readonly ImmutableDictionary<string, Variable> Purpose = ImmutableDictionary<string, Variable>.Empty
        .Add("purpose", Variable.Of("creditworthiness assessment of retail loan applicants"));

    private Task<RunView> StartCreditRun(string runId) =>
        Run(runId).Start(new StartRunRequest("credit-risk", null, Purpose, Actors.Alice));

    private IPipelineRunGrain Run(string runId) => _engine.Client.GetGrain<IPipelineRunGrain>(runId);

    private async Task<ModelVersionView> ModelOf(RunView view)
    {
        Assert.NotNull(view.Model);
        var model = await _engine.Client.GetGrain<IModelVersionGrain>(view.Model.GrainKey).GetView();
        Assert.NotNull(model);
        return model;
    }
}
