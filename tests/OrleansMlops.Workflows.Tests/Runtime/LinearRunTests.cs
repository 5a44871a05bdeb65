using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

public sealed class LinearRunTests
{
    private readonly ProcessInterpreter interpreter = Interpreter("linear.bpmn");

    [Fact]
    public void Start_moves_the_token_to_the_first_stage_where_it_waits_for_the_gate()
    {
        var step = interpreter.Start(Vars(("modelId", Variable.Of("m-1"))), T0);

        Assert.Equal(ProcessStatus.Running, step.State.Status);
        Assert.Equal([new Token("t1", "train", TokenStatus.AwaitingGate, 0, "f1", Activation: 1)], step.State.Tokens.AsEnumerable());
        Assert.Empty(step.State.Timers);
        Assert.Equal(2, step.State.NextId);
        Assert.Equal(["start"], step.State.CompletedNodes.AsEnumerable());
        Assert.Equal("m-1", step.State.Variables["modelId"].Text);
        Assert.Equal(
            [
                new TransitionStep(TransitionStepKind.ProcessStarted, "start", "t1", $"process 'linear' ({interpreter.Definition.ContentHash})"),
                new TransitionStep(TransitionStepKind.NodeEntered, "start", "t1", null),
                new TransitionStep(TransitionStepKind.NodeLeft, "start", "t1", null),
                new TransitionStep(TransitionStepKind.FlowTaken, "train", "t1", "f1"),
                new TransitionStep(TransitionStepKind.NodeEntered, "train", "t1", null),
            ],
            step.Steps.AsEnumerable());
    }

    [Fact]
    public void An_allowed_stage_runs_and_its_outputs_become_variables_when_it_completes()
    {
        var started = interpreter.Start(NoVariables, T0).State;

        var allowed = interpreter.AllowStage(started, "t1", T0);
        Assert.Equal(TokenStatus.Running, TokenAt(allowed.State, "train").Status);
        Assert.Empty(allowed.Steps);

        var completed = interpreter.CompleteStage(allowed.State, "t1", Vars(("auc", Variable.Of(0.81))), T0.AddMinutes(5));
        Assert.Equal(new Token("t1", "validate", TokenStatus.AwaitingGate, 0, "f2", Activation: 2), Assert.Single(completed.State.Tokens));
        Assert.Equal(0.81, completed.State.Variables["auc"].Number);
        Assert.Equal(["start", "train"], completed.State.CompletedNodes.AsEnumerable());
        Assert.Equal(
            [TransitionStepKind.NodeLeft, TransitionStepKind.FlowTaken, TransitionStepKind.NodeEntered],
            Kinds(completed));
        Assert.Equal("stage 'train' completed", completed.Steps[0].Detail);
    }

    [Fact]
    public void Later_outputs_overwrite_earlier_variables()
    {
        var state = interpreter.Start(Vars(("auc", Variable.Of(0.5)), ("owner", Variable.Of("risk"))), T0).State;
        state = interpreter.AllowStage(state, "t1", T0).State;

        state = interpreter.CompleteStage(state, "t1", Vars(("auc", Variable.Of(0.9))), T0).State;

        Assert.Equal(0.9, state.Variables["auc"].Number);
        Assert.Equal("risk", state.Variables["owner"].Text);
    }

    [Fact]
    public void The_run_completes_at_the_end_event_with_the_path_it_took()
    {
        var driver = new ProcessDriver(interpreter.Definition);

        var state = driver.Run();

        Assert.Equal(ProcessStatus.Completed, state.Status);
        Assert.Equal("end", state.EndNodeId);
        Assert.Empty(state.Tokens);
        Assert.Equal(["start", "train", "validate", "end"], state.CompletedNodes.AsEnumerable());
        Assert.Equal(new TransitionStep(TransitionStepKind.ProcessCompleted, "end", null, "every token reached an end; last at end event 'Done'"), driver.Steps[^1]);
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_outputs()
    {
        var first = new ProcessDriver(interpreter.Definition);
        var second = new ProcessDriver(Interpreter("linear.bpmn").Definition);

        var firstState = first.Run(Vars(("seed", Variable.Of(42))));
        var secondState = second.Run(Vars(("seed", Variable.Of(42))));

        Assert.Equal(Snapshot(firstState), Snapshot(secondState));
        Assert.Equal(first.Steps, second.Steps);
    }
}
