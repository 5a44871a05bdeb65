using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

public sealed class ParallelGatewayRunTests
{
    private readonly ProcessInterpreter interpreter = Interpreter("parallel.bpmn");

    [Fact]
    public void A_fork_sends_one_token_down_every_outgoing_flow()
    {
        var state = interpreter.Start(NoVariables, T0).State;

        Assert.Equal(
            [
                new Token("t1", "bias", TokenStatus.AwaitingGate, 0, "toBias", Activation: 1),
                new Token("t2", "drift", TokenStatus.AwaitingGate, 0, "toDrift", Activation: 2),
                new Token("t3", "signOff", TokenStatus.WaitingForUser, 0, "toSignOff", Activation: 3),
            ],
            state.Tokens.AsEnumerable());
        Assert.Equal(["start", "fork"], state.CompletedNodes.AsEnumerable());
    }

    [Fact]
    public void A_join_waits_for_a_token_over_every_incoming_flow_then_one_token_goes_on()
    {
        var state = interpreter.Start(NoVariables, T0).State;
        state = interpreter.AllowStage(state, "t2", T0).State;
        state = interpreter.CompleteStage(state, "t2", NoVariables, T0).State;

        Assert.Equal(new Token("t2", "join", TokenStatus.WaitingAtJoin, 0, "fromDrift", Activation: 4), TokenAt(state, "join"));

        state = interpreter.CompleteUserTask(state, "t3", NoVariables, T0).State;
        state = interpreter.AllowStage(state, "t1", T0).State;
        Assert.Equal(2, state.Tokens.Count(token => token.Status == TokenStatus.WaitingAtJoin));

        var joined = interpreter.CompleteStage(state, "t1", NoVariables, T0);

        Assert.Equal(new Token("t4", "deploy", TokenStatus.AwaitingGate, 0, "f2", Activation: 7), Assert.Single(joined.State.Tokens));
        var left = Assert.Single(joined.Steps, step => step is { Kind: TransitionStepKind.NodeLeft, NodeId: "join" });
        Assert.Equal("joined t1, t2, t3 into t4", left.Detail);
        Assert.Equal(["start", "fork", "drift", "signOff", "bias", "join"], joined.State.CompletedNodes.AsEnumerable());
    }

    [Fact]
    public void The_run_completes_once_the_joined_token_reaches_the_end()
    {
        var state = new ProcessDriver(interpreter.Definition).Run();

        Assert.Equal(ProcessStatus.Completed, state.Status);
        Assert.Equal("end", state.EndNodeId);
        Assert.Single(state.CompletedNodes, node => node == "join");
    }
}
