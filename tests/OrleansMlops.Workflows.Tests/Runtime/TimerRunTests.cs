using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

public sealed class TimerRunTests
{
    private readonly ProcessInterpreter boundary = Interpreter("boundary-timer.bpmn");

    [Fact]
    public void A_user_task_waits_for_a_person_with_one_timer_per_boundary_event()
    {
        var step = boundary.Start(NoVariables, T0);

        Assert.Equal(new Token("t1", "approve", TokenStatus.WaitingForUser, 0, "f1", Activation: 1), Assert.Single(step.State.Tokens));
        Assert.Equal(
            [
                new PendingTimer("timer2", "t1", "overdue", TimerKind.Boundary, T0.AddHours(48)),
                new PendingTimer("timer3", "t1", "reminder", TimerKind.Boundary, T0.AddDays(1)),
            ],
            step.State.Timers.AsEnumerable());
        Assert.Equal(
            new TransitionStep(TransitionStepKind.TimerScheduled, "overdue", "t1", "timer2 (Boundary) due 2025-01-08T09:00:00.0000000+00:00"),
            step.Steps.Single(transition => transition is { Kind: TransitionStepKind.TimerScheduled, NodeId: "overdue" }));
    }

    [Fact]
    public void Completing_the_task_in_time_cancels_its_timers()
    {
        var state = boundary.Start(NoVariables, T0).State;

        var completed = boundary.CompleteUserTask(state, "t1", Vars(("signedOff", Variable.Of(true))), T0.AddHours(3));

        Assert.Equal(ProcessStatus.Completed, completed.State.Status);
        Assert.Equal("approved", completed.State.EndNodeId);
        Assert.Empty(completed.State.Timers);
        Assert.True(completed.State.Variables["signedOff"].Boolean);
        Assert.Equal(
            ["timer2", "timer3"],
            completed.Steps.Where(step => step.Kind == TransitionStepKind.TimerCancelled).Select(step => step.Detail![..6]));
    }

    [Fact]
    public void An_overdue_task_is_interrupted_and_the_boundary_path_taken()
    {
        var state = boundary.Start(NoVariables, T0).State;

        var fired = boundary.FireTimer(state, "timer2", T0.AddHours(48));

        Assert.Equal(new Token("t4", "escalate", TokenStatus.WaitingForUser, 0, "f3", Activation: 2), Assert.Single(fired.State.Tokens));
        Assert.Empty(fired.State.Timers);
        Assert.Equal(["start", "overdue"], fired.State.CompletedNodes.AsEnumerable());
        Assert.Equal(
            [
                TransitionStepKind.TimerFired, TransitionStepKind.TimerCancelled, TransitionStepKind.NodeLeft,
                TransitionStepKind.NodeEntered, TransitionStepKind.NodeLeft, TransitionStepKind.FlowTaken, TransitionStepKind.NodeEntered,
            ],
            Kinds(fired));
        Assert.Equal(new TransitionStep(TransitionStepKind.NodeLeft, "approve", "t1", "interrupted by boundary timer 'overdue'"), fired.Steps[2]);

        var done = boundary.CompleteUserTask(fired.State, "t4", Vars(("approved", Variable.Of(true))), T0.AddHours(50));
        Assert.Equal("escalated", done.State.EndNodeId);
        Assert.Equal(ProcessStatus.Completed, done.State.Status);
    }

    [Fact]
    public void The_earlier_boundary_timer_wins_and_cancels_the_other()
    {
        var state = boundary.Start(NoVariables, T0).State;

        var fired = boundary.FireTimer(state, "timer3", T0.AddDays(1));

        Assert.Equal("remind", Assert.Single(fired.State.Tokens).NodeId);
        Assert.Empty(fired.State.Timers);
    }

    [Fact]
    public void A_timer_cannot_fire_before_it_is_due()
    {
        var state = boundary.Start(NoVariables, T0).State;

        var exception = Assert.Throws<WorkflowRuntimeException>(() => boundary.FireTimer(state, "timer2", T0.AddHours(47)));

        Assert.Contains("it is due at 2025-01-08T09:00:00.0000000+00:00", exception.Message, StringComparison.Ordinal);
        Assert.Equal("t1", exception.TokenId);
        Assert.Equal("overdue", exception.NodeId);
    }

    [Fact]
    public void An_intermediate_timer_holds_the_token_for_its_duration()
    {
        var interpreter = Interpreter("intermediate-timer.bpmn");
        var state = interpreter.Start(NoVariables, T0).State;
        state = interpreter.AllowStage(state, "t1", T0).State;
        var completedAt = T0.AddMinutes(5);

        state = interpreter.CompleteStage(state, "t1", NoVariables, completedAt).State;

        Assert.Equal(new Token("t1", "soak", TokenStatus.WaitingForTimer, 0, "f2", Activation: 2), Assert.Single(state.Tokens));
        var timer = Assert.Single(state.Timers);
        Assert.Equal(new PendingTimer("timer2", "t1", "soak", TimerKind.Intermediate, completedAt.AddMinutes(90)), timer);

        var fired = interpreter.FireTimer(state, "timer2", completedAt.AddHours(2));

        Assert.Equal(new Token("t1", "promote", TokenStatus.AwaitingGate, 0, "f3", Activation: 3), Assert.Single(fired.State.Tokens));
        Assert.Empty(fired.State.Timers);
        Assert.Equal(TransitionStepKind.TimerFired, fired.Steps[0].Kind);
    }
}
