namespace OrleansMlops.Workflows.Tests;

/// <summary>Wraps process content in the definitions a modeler would write, so tests show only what matters.</summary>
internal static class Bpmn
{
    /// <summary>Line of the first line of <c>body</c> in the document that <see cref="Process"/> returns.</summary>
    public const int FirstBodyLine = 4;

    public static string Process(string body, string processId = "p") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{processId}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → one stage task (stage <paramref name="stage"/>) → end, with the task's extra attributes.</summary>
    public static string SingleStage(string stage = "train", string taskAttributes = "") =>
        Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
            <bpmn:serviceTask id="task" name="Task" mlops:stage="{stage}" {taskAttributes} />
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end" />
        """);

    public static ProcessDefinition Load(string xml, BpmnLoadOptions? options = null) => BpmnLoader.Load(xml, options);

    public static WorkflowDefinitionException Refuse(string xml, BpmnLoadOptions? options = null) =>
        Assert.Throws<WorkflowDefinitionException>(() => BpmnLoader.Load(xml, options));
}
