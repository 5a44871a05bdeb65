using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

/// <summary>Events that do not fit the run are caller bugs or stale requests: they throw and name what did not fit.</summary>
public sealed class InvalidEventTests
{
    private readonly ProcessInterpreter interpreter = Interpreter("parallel.bpmn");

    private ProcessState Started => interpreter.Start(NoVariables, T0).State;

    [Fact]
    public void An_unknown_token_is_refused()
    {
        var exception = Assert.Throws<WorkflowRuntimeException>(() => interpreter.AllowStage(Started, "t99", T0));

        Assert.Equal("Cannot allow a stage: the run has no token 't99' (tokens: t1 at bias (AwaitingGate), t2 at drift (AwaitingGate), t3 at signOff (WaitingForUser)).", exception.Message);
        Assert.Equal("t99", exception.TokenId);
    }

    [Fact]
    public void A_stage_cannot_complete_before_its_gate_allowed_it()
    {
        var exception = Assert.Throws<WorkflowRuntimeException>(() => interpreter.CompleteStage(Started, "t1", NoVariables, T0));

        Assert.Equal("Cannot complete a stage: token 't1' at node 'bias' is AwaitingGate, not Running.", exception.Message);
        Assert.Equal(("t1", "bias"), (exception.TokenId, exception.NodeId));
    }

    [Fact]
    public void A_stage_cannot_be_allowed_twice()
    {
        var allowed = interpreter.AllowStage(Started, "t1", T0).State;

        var exception = Assert.Throws<WorkflowRuntimeException>(() => interpreter.AllowStage(allowed, "t1", T0));

        Assert.Contains("is Running, not AwaitingGate", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_and_user_task_events_are_not_interchangeable()
    {
        var onUserTask = Assert.Throws<WorkflowRuntimeException>(() => interpreter.AllowStage(Started, "t3", T0));
        Assert.Contains("token 't3' is at 'signOff', which is not a StageTask", onUserTask.Message, StringComparison.Ordinal);

        var onStage = Assert.Throws<WorkflowRuntimeException>(() => interpreter.CompleteUserTask(Started, "t1", NoVariables, T0));
        Assert.Contains("token 't1' is at 'bias', which is not a UserTask", onStage.Message, StringComparison.Ordinal);

        var failWaiting = Assert.Throws<WorkflowRuntimeException>(() => interpreter.FailStage(Started, "t1", "boom", T0));
        Assert.Contains("is AwaitingGate, not Running", failWaiting.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_timer_is_refused()
    {
        var exception = Assert.Throws<WorkflowRuntimeException>(() => interpreter.FireTimer(Started, "timer42", T0));

        Assert.Equal("Cannot fire timer 'timer42': the run has no such timer.", exception.Message);
    }

    [Fact]
    public void A_finished_run_accepts_no_more_events()
    {
        var single = new ProcessInterpreter(BpmnLoader.Load(Bpmn.SingleStage()));
        var state = single.AllowStage(single.Start(NoVariables, T0).State, "t1", T0).State;
        var completed = single.CompleteStage(state, "t1", NoVariables, T0).State;
        var failed = single.FailStage(state, "t1", "boom", T0).State;

        var afterCompletion = Assert.Throws<WorkflowRuntimeException>(() => single.CompleteStage(completed, "t1", NoVariables, T0));
        var afterFailure = Assert.Throws<WorkflowRuntimeException>(() => single.FireTimer(failed, "timer2", T0));

        Assert.Equal("Cannot complete a stage: the process is Completed and accepts no more events.", afterCompletion.Message);
        Assert.StartsWith("Cannot fire a timer: the process is Failed (stage task 'Task' (task, stage 'train') failed", afterFailure.Message, StringComparison.Ordinal);
    }
}
