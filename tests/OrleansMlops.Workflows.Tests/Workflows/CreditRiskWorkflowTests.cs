using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

/// <summary>The credit-risk release workflow in workflows/ loads and every way through it reaches the expected end.</summary>
public sealed class CreditRiskWorkflowTests
{
    private static readonly ProcessDefinition Definition = BpmnLoader.Load(TestFiles.Read(TestFiles.Workflow("credit-risk.bpmn")));

    [Fact]
    public void It_loads_with_its_bindings()
    {
        Assert.Equal("credit-risk", Definition.ProcessId);
        Assert.Equal("Credit risk model release", Definition.Name);

        var train = Assert.IsType<StageTask>(Definition.Nodes["Task_TrainModel"]);
        Assert.Equal(("train", 2), (train.Stage, train.Retry.MaxRetries));
        var evidence = Assert.IsType<StageTask>(Definition.Nodes["Task_CollectEvidence"]);
        Assert.Equal(("evidence", "data/credit/evidence"), (evidence.Stage, evidence.Properties["documents"]));
        Assert.Equal("validate", Assert.IsType<StageTask>(Definition.Nodes["Task_ValidateModel"]).Stage);
        var review = Assert.IsType<UserTask>(Definition.Nodes["UserTask_ValidationReview"]);
        Assert.Equal(["validator"], review.CandidateRoles.AsEnumerable());
        Assert.Equal("validationApproved", review.OutcomeVariable);
        Assert.Equal(("signoff:validation", "validator"), (review.Properties["gate"], review.Properties["actorRole"]));
        var deploy = Assert.IsType<StageTask>(Definition.Nodes["Task_Deploy"]);
        Assert.Equal("deploy", deploy.Stage);
        Assert.Equal("production", deploy.Properties["environment"]);
        Assert.Equal(["approver"], Assert.IsType<UserTask>(Definition.Nodes["UserTask_ApproveModel"]).CandidateRoles.AsEnumerable());
        Assert.Equal(["model-risk-head"], Assert.IsType<UserTask>(Definition.Nodes["UserTask_EscalatedApproval"]).CandidateRoles.AsEnumerable());
        Assert.Equal(["data-scientist"], Definition.StartRoles.AsEnumerable());
        var timer = Assert.Single(Definition.BoundaryTimersOf("UserTask_ApproveModel"));
        Assert.Equal(TimeSpan.FromHours(48), timer.Duration);
        Assert.Equal(
            "${validationApproved == true && auc >= 0.70 && disparity <= 0.10}",
            Definition.Outgoing("Gateway_MetricsAcceptable")[0].ConditionText);
    }

    [Theory]
    [InlineData(0.82, 0.05, true, true, false, "EndEvent_Deployed")]
    [InlineData(0.82, 0.05, true, false, false, "EndEvent_Rejected")]
    [InlineData(0.82, 0.05, false, true, false, "EndEvent_RejectedMetrics")]
    [InlineData(0.65, 0.05, true, true, false, "EndEvent_RejectedMetrics")]
    [InlineData(0.82, 0.15, true, true, false, "EndEvent_RejectedMetrics")]
    [InlineData(0.82, 0.05, true, true, true, "EndEvent_Deployed")]
    [InlineData(0.82, 0.05, true, false, true, "EndEvent_Rejected")]
    public void Every_way_through_reaches_its_end(
        double auc, double disparity, bool signOff, bool approve, bool approvalOverdue, string expectedEnd)
    {
        var driver = new ProcessDriver(Definition)
        {
            StageOutputs = task => task.Stage == "validate"
                ? Vars(("auc", Variable.Of(auc)), ("disparity", Variable.Of(disparity)))
                : NoVariables,
            Decide = task => task.Id == "UserTask_ValidationReview" ? signOff : approve,
            LetExpire = task => approvalOverdue && task.Id == "UserTask_ApproveModel",
        };

        var state = driver.Run();

        Assert.Equal(ProcessStatus.Completed, state.Status);
        Assert.Equal(expectedEnd, state.EndNodeId);
        Assert.Contains("UserTask_ValidationReview", state.CompletedNodes);
        Assert.Equal(approvalOverdue, state.CompletedNodes.Contains("UserTask_EscalatedApproval"));
        Assert.Equal(approvalOverdue ? T0.AddHours(48) : T0, driver.Now);
    }

    [Fact]
    public void Training_is_retried_twice_before_the_run_fails()
    {
        var interpreter = new ProcessInterpreter(Definition);
        var state = interpreter.AllowStage(interpreter.Start(NoVariables, T0).State, "t1", T0).State;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            state = interpreter.FailStage(state, "t1", "spot instance reclaimed", T0).State;
            var retry = Assert.Single(state.Timers);
            state = interpreter.FireTimer(state, retry.TimerId, retry.DueAt).State;
        }

        var failed = interpreter.FailStage(state, "t1", "spot instance reclaimed", T0).State;

        Assert.Equal(ProcessStatus.Failed, failed.Status);
        Assert.Equal("stage task 'Train model' (Task_TrainModel, stage 'train') failed after 3 attempt(s): spot instance reclaimed", failed.FailureReason);
    }
}
