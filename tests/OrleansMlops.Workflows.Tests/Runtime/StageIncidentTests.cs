using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

/// <summary>A stage stopped by an error someone must fix keeps its place and its retries until it is retried.</summary>
public sealed class StageIncidentTests
{
    private static readonly ProcessInterpreter Interpreter = new(Bpmn.Load(Bpmn.SingleStage("deploy", """mlops:retries="2" """)));

    [Fact]
    public void A_stage_incident_holds_the_token_at_the_stage_naming_the_task_and_the_error()
    {
        var running = Interpreter.AllowStage(Interpreter.Start(NoVariables, T0).State, "t1", T0).State;

        var step = Interpreter.RaiseIncident(running, "t1", "artifact failed its integrity check", T0);

        var token = Assert.Single(step.State.Tokens);
        Assert.Equal((TokenStatus.Incident, 0), (token.Status, token.Attempt));
        Assert.Equal("stage task 'Task' (task, stage 'deploy'): artifact failed its integrity check", token.Incident);
        Assert.Equal([TransitionStepKind.IncidentRaised], Kinds(step));
        Assert.Empty(step.State.Timers);
        Assert.Equal(ProcessStatus.Running, step.State.Status);
    }

    [Fact]
    public void A_retried_stage_incident_goes_back_to_its_gate_as_the_same_attempt_and_activation()
    {
        var running = Interpreter.AllowStage(Interpreter.Start(NoVariables, T0).State, "t1", T0).State;
        var stopped = Interpreter.RaiseIncident(running, "t1", "artifact missing", T0).State;

        var retried = Interpreter.RetryIncident(stopped, "t1", T0);

        Assert.Equal(new Token("t1", "task", TokenStatus.AwaitingGate, 0, "f1", Activation: 1), Assert.Single(retried.State.Tokens));
        Assert.Equal(new TransitionStep(TransitionStepKind.IncidentRetried, "task", "t1", Assert.Single(stopped.Tokens).Incident), Assert.Single(retried.Steps));
    }
}
