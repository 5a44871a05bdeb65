using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;
using static OrleansMlops.Workflows.Tests.Runs;

namespace OrleansMlops.Workflows.Tests;

public sealed class ExclusiveGatewayRunTests
{
    private static ProcessState RunWithScore(Variable? score, out ProcessDriver driver)
    {
        driver = new ProcessDriver(Interpreter("exclusive.bpmn").Definition)
        {
            StageOutputs = _ => score is null ? NoVariables : Vars(("score", score)),
        };
        return driver.Run();
    }

    public static TheoryData<Variable?, string> Scores => new()
    {
        { Variable.Of(0.95), "fastTrack" },
        { Variable.Of(0.9), "fastTrack" },
        { Variable.Of(0.7), "reviewed" },
        { Variable.Of(0.2), "rejected" },
        { null, "rejected" },
    };

    [Theory]
    [MemberData(nameof(Scores))]
    public void The_first_flow_whose_condition_holds_is_taken_else_the_default(Variable? score, string expectedEnd)
    {
        var state = RunWithScore(score, out _);

        Assert.Equal(ProcessStatus.Completed, state.Status);
        Assert.Equal(expectedEnd, state.EndNodeId);
    }

    [Fact]
    public void The_gateway_records_why_it_took_a_flow()
    {
        RunWithScore(Variable.Of(0.95), out var driver);

        var left = Assert.Single(driver.Steps, step => step is { Kind: TransitionStepKind.NodeLeft, NodeId: "route" });
        Assert.Equal("condition ${score >= 0.9} holds", left.Detail);
        Assert.Contains(new TransitionStep(TransitionStepKind.FlowTaken, "fastTrack", "t1", "toFastTrack"), driver.Steps);
    }

    [Fact]
    public void The_default_flow_is_recorded_as_such()
    {
        RunWithScore(Variable.Of(0.1), out var driver);

        var left = Assert.Single(driver.Steps, step => step is { Kind: TransitionStepKind.NodeLeft, NodeId: "route" });
        Assert.Equal("no condition holds; default flow", left.Detail);
    }

    [Fact]
    public void Without_a_default_the_run_fails_naming_the_gateway_when_no_condition_holds()
    {
        var interpreter = new ProcessInterpreter(BpmnLoader.Load(WithoutDefault));

        var step = interpreter.Start(Vars(("level", Variable.Of(0))), T0);

        Assert.Equal(ProcessStatus.Failed, step.State.Status);
        Assert.Equal("exclusive gateway 'Ready?' (ready) has no outgoing flow whose condition holds and no default flow.", step.State.FailureReason);
        Assert.Equal(new TransitionStep(TransitionStepKind.ProcessFailed, "ready", "t1", step.State.FailureReason), step.Steps[^1]);
    }

    [Fact]
    public void A_condition_comparing_text_with_a_number_stops_the_token_as_an_incident_instead_of_taking_the_default()
    {
        var state = RunUntilRouted(Variable.Of("high"), out var driver);

        Assert.Equal(ProcessStatus.Running, state.Status);
        var stopped = TokenAt(state, "route");
        Assert.Equal(TokenStatus.Incident, stopped.Status);
        Assert.Equal(
            "exclusive gateway 'How good?' (route) cannot evaluate the condition of flow 'toFastTrack' (${score >= 0.9}): cannot order text 'high' and number 0.9",
            stopped.Incident);
        Assert.Equal(new TransitionStep(TransitionStepKind.IncidentRaised, "route", "t1", stopped.Incident), driver[^1]);
        Assert.DoesNotContain(driver, step => step.Kind == TransitionStepKind.FlowTaken && step.NodeId == "rejected");
    }

    [Fact]
    public void Division_by_zero_in_a_condition_is_an_incident_naming_the_flow()
    {
        var interpreter = new ProcessInterpreter(BpmnLoader.Load(Bpmn.Process("""
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="rate" />
                <bpmn:exclusiveGateway id="rate" default="slow" />
                <bpmn:sequenceFlow id="fast" sourceRef="rate" targetRef="end">
                  <bpmn:conditionExpression>${defaults / loans &lt; 0.05}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="slow" sourceRef="rate" targetRef="end" />
                <bpmn:endEvent id="end" />
            """)));

        var step = interpreter.Start(Vars(("defaults", Variable.Of(3)), ("loans", Variable.Of(0))), T0);

        Assert.Equal(ProcessStatus.Running, step.State.Status);
        var incident = TokenAt(step.State, "rate").Incident;
        Assert.Contains("flow 'fast' (${defaults / loans < 0.05}): division by zero", incident, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retried_incident_routes_with_the_variables_of_now_and_stops_again_while_the_error_stands()
    {
        var interpreter = Interpreter("exclusive.bpmn");
        var stopped = RunUntilRouted(Variable.Of("high"), out _);

        var again = interpreter.RetryIncident(stopped, "t1", T0);
        var fixedUp = interpreter.RetryIncident(stopped with { Variables = Vars(("score", Variable.Of(0.95))) }, "t1", T0);

        Assert.Equal([TransitionStepKind.IncidentRetried, TransitionStepKind.IncidentRaised], Kinds(again));
        Assert.Equal(TokenStatus.Incident, TokenAt(again.State, "route").Status);
        Assert.Equal(ProcessStatus.Completed, fixedUp.State.Status);
        Assert.Equal("fastTrack", fixedUp.State.EndNodeId);
    }

    [Fact]
    public void Only_a_token_stopped_by_an_incident_can_be_retried()
    {
        var interpreter = Interpreter("exclusive.bpmn");
        var waiting = interpreter.Start(NoVariables, T0).State;

        var refusal = Assert.Throws<WorkflowRuntimeException>(() => interpreter.RetryIncident(waiting, "t1", T0));

        Assert.Contains("is AwaitingGate, not Incident", refusal.Message, StringComparison.Ordinal);
    }

    private static readonly string WithoutDefault = Bpmn.Process("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ready" />
            <bpmn:exclusiveGateway id="ready" name="Ready?" />
            <bpmn:sequenceFlow id="go" sourceRef="ready" targetRef="end">
              <bpmn:conditionExpression>${level &gt; 1}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />
        """);

    /// <summary>exclusive.bpmn up to its gateway: the score stage completes with <paramref name="score"/>.</summary>
    private static ProcessState RunUntilRouted(Variable score, out List<TransitionStep> steps)
    {
        var interpreter = Interpreter("exclusive.bpmn");
        var state = interpreter.AllowStage(interpreter.Start(NoVariables, T0).State, "t1", T0).State;
        var routed = interpreter.CompleteStage(state, "t1", Vars(("score", score)), T0);
        steps = [.. routed.Steps];
        return routed.State;
    }
}
