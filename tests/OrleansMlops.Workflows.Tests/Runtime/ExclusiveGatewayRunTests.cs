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
        { Variable.Of("high"), "rejected" },
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
    public void Without_a_default_the_run_fails_naming_the_gateway_and_the_evaluation_errors()
    {
        var xml = Bpmn.Process("""
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ready" />
                <bpmn:exclusiveGateway id="ready" name="Ready?" />
                <bpmn:sequenceFlow id="go" sourceRef="ready" targetRef="end">
                  <bpmn:conditionExpression>${level &gt; 1}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="end" />
            """);
        var interpreter = new ProcessInterpreter(BpmnLoader.Load(xml));

        var step = interpreter.Start(Vars(("level", Variable.Of("high"))), T0);

        Assert.Equal(ProcessStatus.Failed, step.State.Status);
        Assert.Equal(
            "exclusive gateway 'Ready?' (ready) has no outgoing flow whose condition holds and no default flow. "
            + "Evaluation errors: flow 'go' (${level > 1}): cannot order text 'high' and number 1.",
            step.State.FailureReason);
        Assert.Equal(new TransitionStep(TransitionStepKind.ProcessFailed, "ready", "t1", step.State.FailureReason), step.Steps[^1]);
    }
}
