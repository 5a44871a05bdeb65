using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

public sealed class TerminateRunTests
{
    [Fact]
    public void A_terminate_end_removes_every_token_and_timer()
    {
        var interpreter = Interpreter("terminate.bpmn");
        var state = interpreter.Start(NoVariables, T0).State;
        Assert.Equal(["review", "check"], state.Tokens.Select(token => token.NodeId));
        Assert.Single(state.Timers);
        state = interpreter.AllowStage(state, "t2", T0).State;

        var terminated = interpreter.CompleteStage(state, "t2", NoVariables, T0);

        Assert.Equal(ProcessStatus.Terminated, terminated.State.Status);
        Assert.Equal("abort", terminated.State.EndNodeId);
        Assert.Empty(terminated.State.Tokens);
        Assert.Empty(terminated.State.Timers);
        Assert.Equal("abort", terminated.State.CompletedNodes[^1]);
        Assert.Equal(
            [TransitionStepKind.TimerCancelled, TransitionStepKind.ProcessTerminated],
            Kinds(terminated).TakeLast(2));
        Assert.Equal("terminate end event 'Abort' reached; 1 other token(s) removed", terminated.Steps[^1].Detail);
    }
}
