using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

/// <summary>
/// Each arrival of a token at a node is a new activation, also when a loop brings the same token back to the same
/// task; a retry of a stage is the same activation. Work keyed by activation (a worker's job) is never reused.
/// </summary>
public sealed class ActivationTests
{
    private static readonly ProcessInterpreter Loop = new(BpmnLoader.Load(Bpmn.Process("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
            <bpmn:serviceTask id="score" name="Score" mlops:stage="score" mlops:retries="1" />
            <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="again" />
            <bpmn:exclusiveGateway id="again" default="toDone" />
            <bpmn:sequenceFlow id="toScore" sourceRef="again" targetRef="score">
              <bpmn:conditionExpression>${rounds &lt; 3}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="toDone" sourceRef="again" targetRef="done" />
            <bpmn:endEvent id="done" />
        """)));

    [Fact]
    public void A_loop_back_to_the_same_task_is_a_new_activation_of_it_each_time()
    {
        var state = Loop.Start(NoVariables, T0).State;
        var seen = new List<Token>();
        for (var round = 1; state.Status == ProcessStatus.Running; round++)
        {
            var token = Assert.Single(state.Tokens);
            seen.Add(token);
            state = Loop.AllowStage(state, token.TokenId, T0).State;
            state = Loop.CompleteStage(state, token.TokenId, Vars(("rounds", Variable.Of(round))), T0).State;
        }

        Assert.Equal(ProcessStatus.Completed, state.Status);
        Assert.Equal([("t1", "score", 1), ("t1", "score", 2), ("t1", "score", 3)], seen.Select(t => (t.TokenId, t.NodeId, t.Activation)));
        Assert.Equal(3, state.Activations);
    }

    [Fact]
    public void A_retried_stage_stays_the_same_activation_with_the_next_attempt()
    {
        var state = Loop.AllowStage(Loop.Start(NoVariables, T0).State, "t1", T0).State;
        state = Loop.FailStage(state, "t1", "worker lost", T0).State;

        var retried = Loop.FireTimer(state, Assert.Single(state.Timers).TimerId, T0.AddHours(1)).State;

        Assert.Equal((1, 1), (TokenAt(retried, "score").Activation, TokenAt(retried, "score").Attempt));
    }
}
