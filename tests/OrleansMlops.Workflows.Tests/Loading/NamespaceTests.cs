namespace OrleansMlops.Workflows.Tests;

public sealed class NamespaceTests
{
    [Fact]
    public void Any_prefix_is_recognised_by_its_namespace()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <semantic:definitions xmlns:semantic="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ext42="http://orleans-mlops.dev/schema/bpmn" id="d">
              <semantic:process id="odd" isExecutable="true">
                <semantic:startEvent id="start" />
                <semantic:sequenceFlow id="f1" sourceRef="start" targetRef="train" />
                <semantic:task id="train" ext42:stage="train" ext42:gpu="a100" />
                <semantic:sequenceFlow id="f2" sourceRef="train" targetRef="end" />
                <semantic:endEvent id="end" />
              </semantic:process>
            </semantic:definitions>
            """;

        var task = Assert.IsType<StageTask>(BpmnLoader.Load(xml).Nodes["train"]);

        Assert.Equal("train", task.Stage);
        Assert.Equal("a100", task.Properties["gpu"]);
    }

    [Fact]
    public void Default_namespace_is_recognised()
    {
        const string xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:m="http://orleans-mlops.dev/schema/bpmn" id="d">
              <process id="plain">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
                <userTask id="approve" m:candidateRoles="approver" />
                <sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
                <endEvent id="end" />
              </process>
            </definitions>
            """;

        var definition = BpmnLoader.Load(xml);

        Assert.Equal("plain", definition.ProcessId);
        Assert.Equal(["approver"], Assert.IsType<UserTask>(definition.Nodes["approve"]).CandidateRoles.AsEnumerable());
    }

    [Fact]
    public void Attributes_with_the_mlops_prefix_but_another_namespace_are_not_ours()
    {
        var xml = Bpmn.SingleStage().Replace(
            "xmlns:mlops=\"http://orleans-mlops.dev/schema/bpmn\"",
            "xmlns:mlops=\"http://example.com/not-ours\"",
            StringComparison.Ordinal);

        var refusal = Bpmn.Refuse(xml);

        var problem = Assert.Single(refusal.Problems);
        Assert.Equal("task", problem.ElementId);
        Assert.Contains("has no mlops:stage", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_of_foreign_namespaces_are_tool_metadata_and_ignored()
    {
        var xml = Bpmn.Process("""
                <vendor:task xmlns:vendor="urn:vendor" id="notBpmn" />
                <bpmn:startEvent id="start">
                  <vendor:label xmlns:vendor="urn:vendor">Start</vendor:label>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
                <bpmn:endEvent id="end" />
            """);

        var definition = BpmnLoader.Load(xml);

        Assert.Equal(["end", "start"], definition.Nodes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_root_outside_the_bpmn_namespace_is_refused()
    {
        const string xml = """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL-typo" id="d"><process id="p" /></definitions>""";

        var problem = Assert.Single(Bpmn.Refuse(xml).Problems);

        Assert.Equal("definitions", problem.ElementKind);
        Assert.Contains("not a BPMN 2.0 definitions element", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
    }
}
