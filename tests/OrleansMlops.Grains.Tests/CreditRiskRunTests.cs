using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Testing;
using static OrleansMlops.Grains.Tests.CreditRuns;

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

    private IClusterClient Client => _engine.Client;

    [Fact]
    public async Task A_run_trains_attaches_its_evidence_validates_and_waits_for_an_independent_validation_review()
    {
        var view = await Client.Start("run-review");

        Assert.True(view.Status == RunStatus.WaitingForUser, $"{view.Status}: {view.Problem}");
        var task = Assert.Single(view.OpenTasks);
        Assert.Equal(ValidationReview, task.TaskId);
        Assert.Equal(["validator"], task.CandidateRoles.AsEnumerable());

        var model = await Client.ModelOf(view);
        Assert.Equal(ModelLifecycle.Registered, model.Lifecycle);
        Assert.Empty(model.ValidationMetrics);
        Assert.Null(model.RevalidationDueAt);
        Assert.Equal(("head-of-retail-credit", "1"), (model.Registration.Owner, model.Registration.Tier));
        Assert.Equal(["sex"], model.Registration.ProtectedAttributes.AsEnumerable());
        Assert.Equal(9, model.Documents.Length);
        Assert.All(model.Documents, d => Assert.Matches("^[0-9a-f]{64}$", d.Sha256));
        Assert.InRange(view.Variables["auc"].Number, 0.70, 1.0);

        Assert.All(view.Decisions, d => Assert.Equal(GateOutcome.Allowed, d.Outcome));
        Assert.Equal(["enter:train", "enter:evidence", "enter:validate"], view.Decisions.Select(d => d.Transition));
        Assert.All(view.Decisions.Where(d => d.Transition != "enter:evidence"), d => Assert.NotEmpty(d.RuleSets));
    }

    [Fact]
    public async Task The_validator_signs_off_a_second_identity_approves_and_the_run_ends_deployed()
    {
        await Client.Start("run-deploy");
        _engine.Clock.Advance(TimeSpan.FromHours(2));
        var validated = await Client.Complete("run-deploy", ValidationReview, Actors.Vera);

        Assert.Equal(Approval, Assert.Single(validated.OpenTasks).TaskId);
        var model = await Client.ModelOf(validated);
        Assert.Equal(ModelLifecycle.Validated, model.Lifecycle);
        var signOff = model.History.Single(e => e.To == ModelLifecycle.Validated);
        Assert.Equal(("vera", EngineCluster.Epoch.AddHours(2)), (signOff.Actor, signOff.At));
        Assert.Equal(EngineCluster.Epoch.AddHours(2).AddDays(365), model.RevalidationDueAt);
        Assert.InRange(model.ValidationMetrics["auc"], 0.70, 1.0);
        Assert.True(model.ValidationMetrics.ContainsKey("robustness.aucDrop"));

        var view = await Client.Complete("run-deploy", Approval, Actors.Bob);

        Assert.Equal(RunStatus.Completed, view.Status);
        Assert.Equal("EndEvent_Deployed", view.EndNodeId);
        model = await Client.ModelOf(view);
        Assert.Equal(ModelLifecycle.Deployed, model.Lifecycle);
        Assert.Equal(("bob", "production"), (model.ApprovedBy, model.Environment));
        Assert.Equal(
            ["enter:train", "enter:evidence", "enter:validate", "signoff:validation", "approve", "enter:deploy", "enter:deploy"],
            view.Decisions.Select(d => d.Transition));
        Assert.All(view.Decisions, d => Assert.True(d.Allows, $"{d.Transition}: {d.Error} {string.Join("; ", d.Results.Where(r => !r.Passed).Select(r => r.Message))}"));
        var audit = await Client.Run("run-deploy").VerifyAudit();
        Assert.True(audit.Valid, string.Join("; ", audit.Problems));
        Assert.Equal(view.Version, audit.RecordCount);
    }

    [Fact]
    public async Task A_validator_who_submitted_the_run_is_refused_whatever_roles_they_hold()
    {
        await Client.Start("run-self-validation", Actors.Mallory);

        var refusal = await Assert.ThrowsAsync<RunException>(() => Client.Complete("run-self-validation", ValidationReview, Actors.Mallory));

        Assert.Equal(RunErrorCode.NotPermitted, refusal.Code);
        Assert.Contains("Independent validation", refusal.Message, StringComparison.Ordinal);
        var view = await Client.Run("run-self-validation").GetView();
        Assert.Equal(RunStatus.WaitingForUser, view.Status);
        Assert.Equal(ValidationReview, Assert.Single(view.OpenTasks).TaskId);
        Assert.Equal("task.refused", view.History[^1].Kind);
        Assert.DoesNotContain(view.Decisions, d => d.Transition == "signoff:validation");
        Assert.Equal(ModelLifecycle.Registered, (await Client.ModelOf(view)).Lifecycle);
    }

    [Fact]
    public async Task The_submitter_cannot_approve_their_own_run_even_holding_the_approver_role()
    {
        await Client.StartValidated("run-four-eyes", Actors.Mallory);

        var refusal = await Assert.ThrowsAsync<RunException>(() => Client.Complete("run-four-eyes", Approval, Actors.Mallory));

        Assert.Equal(RunErrorCode.NotPermitted, refusal.Code);
        Assert.Contains("Four-eyes", refusal.Message, StringComparison.Ordinal);
        var view = await Client.Run("run-four-eyes").GetView();
        Assert.Equal(RunStatus.WaitingForUser, view.Status);
        Assert.Equal("task.refused", view.History[^1].Kind);
        Assert.Equal(ModelLifecycle.Validated, (await Client.ModelOf(view)).Lifecycle);
    }

    [Theory]
    [InlineData(ValidationReview, "Independent validation", "may not reject its validation")]
    [InlineData(Approval, "Four-eyes", "may not reject it")]
    public async Task The_submitter_cannot_reject_their_own_run_either(string taskId, string principle, string refusalText)
    {
        var runId = $"run-self-reject-{taskId.ToLowerInvariant()}";
        await (taskId == ValidationReview ? Client.Start(runId, Actors.Mallory) : Client.StartValidated(runId, Actors.Mallory));

        var refusal = await Assert.ThrowsAsync<RunException>(() => Client.Complete(runId, taskId, Actors.Mallory, TaskDecision.Reject));

        Assert.Equal(RunErrorCode.NotPermitted, refusal.Code);
        Assert.Contains(principle, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(refusalText, refusal.Message, StringComparison.Ordinal);
        var view = await Client.Run(runId).GetView();
        Assert.Equal(RunStatus.WaitingForUser, view.Status);
        Assert.Equal(taskId, Assert.Single(view.OpenTasks).TaskId);
        Assert.Equal("task.refused", view.History[^1].Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_rejection_without_a_reason_is_refused_naming_the_comment_and_changes_nothing(string? comment)
    {
        await Client.StartValidated("run-reject-silently");
        var before = await Client.Run("run-reject-silently").GetView();

        var refusal = await Assert.ThrowsAsync<RunException>(() => Client.Run("run-reject-silently")
            .CompleteTask(new CompleteTaskRequest(Approval, TaskDecision.Reject, Actors.Bob, comment)));

        Assert.Equal(RunErrorCode.InvalidRequest, refusal.Code);
        Assert.Contains("'comment' is required", refusal.Message, StringComparison.Ordinal);
        var after = await Client.Run("run-reject-silently").GetView();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(Approval, Assert.Single(after.OpenTasks).TaskId);
    }

    [Fact]
    public async Task A_person_without_a_candidate_role_cannot_complete_the_task()
    {
        await Client.Start("run-roles");

        var refusal = await Assert.ThrowsAsync<RunException>(() =>
            Client.Complete("run-roles", ValidationReview, Actors.Dave));

        Assert.Equal(RunErrorCode.NotPermitted, refusal.Code);
        Assert.Equal(RunStatus.WaitingForUser, (await Client.Run("run-roles").GetView()).Status);
    }

    [Fact]
    public async Task Roles_a_call_claims_count_for_nothing_only_the_role_directory_decides()
    {
        await Client.Start("run-claims");

        var claimedValidator = await Assert.ThrowsAsync<RunException>(() =>
            Client.Complete("run-claims", ValidationReview, new Actor(Actors.Dave.Id, ["validator"], "model-validation")));
        var unknownStarter = await Assert.ThrowsAsync<RunException>(() =>
            Client.Start("run-by-eve", new Actor("eve", ["data-scientist"], "retail-credit-analytics")));

        Assert.Equal(RunErrorCode.NotPermitted, claimedValidator.Code);
        Assert.Contains("'dave' has approver", claimedValidator.Message, StringComparison.Ordinal);
        Assert.Equal(RunErrorCode.NotPermitted, unknownStarter.Code);
        Assert.Equal(RunStatus.NotStarted, (await Client.Run("run-by-eve").GetView()).Status);
        Assert.Equal(RunStatus.WaitingForUser, (await Client.Run("run-claims").GetView()).Status);
    }

    [Fact]
    public async Task A_rejected_validation_review_ends_the_run_before_approval_and_the_model_stays_unvalidated()
    {
        await Client.Start("run-not-signed-off");

        var view = await Client.Complete("run-not-signed-off", ValidationReview, Actors.Vera, TaskDecision.Reject);

        Assert.Equal(RunStatus.Completed, view.Status);
        Assert.Equal("EndEvent_RejectedMetrics", view.EndNodeId);
        Assert.False(view.Variables["validationApproved"].Boolean);
        Assert.Equal(ModelLifecycle.Registered, (await Client.ModelOf(view)).Lifecycle);
        Assert.DoesNotContain(view.Decisions, d => d.Transition is "signoff:validation" or "approve");
    }

    [Fact]
    public async Task A_rejected_approval_ends_the_run_without_deploying()
    {
        await Client.StartValidated("run-reject");

        var view = await Client.Complete("run-reject", Approval, Actors.Bob, TaskDecision.Reject);

        Assert.Equal(RunStatus.Completed, view.Status);
        Assert.Equal("EndEvent_Rejected", view.EndNodeId);
        Assert.False(view.Variables["approved"].Boolean);
        Assert.Equal(ModelLifecycle.Validated, (await Client.ModelOf(view)).Lifecycle);
        Assert.DoesNotContain(view.Decisions, d => d.Transition == "enter:deploy");
    }

    [Fact]
    public async Task An_unanswered_approval_escalates_after_48_hours_and_never_approves_itself()
    {
        var validated = await Client.StartValidated("run-escalate");
        Assert.Equal(EngineCluster.Epoch.AddHours(48), Assert.Single(validated.OpenTasks).DueAt);

        _engine.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        var escalated = await Eventually.Until(
            () => Client.Run("run-escalate").GetView(),
            v => v.OpenTasks.Any(t => t.TaskId != Approval),
            what: "the escalation task");

        var task = Assert.Single(escalated.OpenTasks);
        Assert.Contains("model-risk-head", task.CandidateRoles);
        Assert.Equal(RunStatus.WaitingForUser, escalated.Status);
        Assert.False(escalated.Variables.ContainsKey("approved"));
        Assert.Equal(ModelLifecycle.Validated, (await Client.ModelOf(escalated)).Lifecycle);
        Assert.Contains(escalated.History, h => h.Kind == "timer.fired");

        var bobRefused = await Assert.ThrowsAsync<RunException>(() => Client.Complete("run-escalate", task.TaskId, Actors.Bob));
        Assert.Equal(RunErrorCode.NotPermitted, bobRefused.Code);

        var done = await Client.Complete("run-escalate", task.TaskId, Actors.Carol);
        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(ModelLifecycle.Deployed, (await Client.ModelOf(done)).Lifecycle);
    }

    [Fact]
    public async Task A_completed_run_refuses_further_actions()
    {
        await Client.StartValidated("run-done");
        await Client.Complete("run-done", Approval, Actors.Bob, TaskDecision.Reject);

        var refusal = await Assert.ThrowsAsync<RunException>(() => Client.Complete("run-done", Approval, Actors.Bob));

        Assert.Equal(RunErrorCode.WrongState, refusal.Code);
    }

    [Fact]
    public async Task Starting_a_run_again_with_the_same_request_returns_it_and_another_request_is_refused_changing_nothing()
    {
        var first = await Client.Start("run-twice");

        var retried = await Client.Start("run-twice");
        var otherStarter = await Assert.ThrowsAsync<RunException>(() => Client.Start("run-twice", Actors.Mallory));
        var otherParameters = await Assert.ThrowsAsync<RunException>(
            () => Client.Start("run-twice", parameters: CreditRuns.Parameters.SetItem("tier", Variable.Of("2"))));

        Assert.Equal((first.RunId, first.Version, first.Status), (retried.RunId, retried.Version, retried.Status));
        Assert.Equal(RunErrorCode.AlreadyStarted, otherStarter.Code);
        Assert.Equal(RunErrorCode.AlreadyStarted, otherParameters.Code);
        Assert.Contains("choose another run id", otherParameters.Message, StringComparison.Ordinal);
        Assert.Equal(first.Version, (await Client.Run("run-twice").GetView()).Version);
    }

    [Theory]
    [InlineData("threshold.auc.min", "high", "must be a number")]
    [InlineData("threshold.auc", "0.7", "threshold.<metric>.min or threshold.<metric>.max")]
    [InlineData("threshold.auc.minimum", "0.7", "threshold.<metric>.min or threshold.<metric>.max")]
    public async Task A_malformed_threshold_is_refused_at_start_and_stores_nothing(string name, string value, string expected)
    {
        var parameters = Parameters.Remove("threshold.auc.min").Add(name, Variable.Of(value));

        var refusal = await Assert.ThrowsAsync<RunException>(() => Client.Start("run-bad-threshold", parameters: parameters));

        Assert.Equal(RunErrorCode.InvalidRequest, refusal.Code);
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.NotStarted, (await Client.Run("run-bad-threshold").GetView()).Status);
    }

    [Fact]
    public async Task Starting_an_unknown_workflow_is_refused_and_stores_nothing()
    {
        var refusal = await Assert.ThrowsAsync<RunException>(() =>
            Client.Run("run-unknown").Start(new StartRunRequest("no-such-workflow", null, Parameters, Actors.Alice)));

        Assert.Equal(RunErrorCode.UnknownWorkflow, refusal.Code);
        Assert.Equal(RunStatus.NotStarted, (await Client.Run("run-unknown").GetView()).Status);
    }
}
