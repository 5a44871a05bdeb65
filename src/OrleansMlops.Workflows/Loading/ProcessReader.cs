using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Reads the children of the executed process. Every BPMN element is either read as a node or flow, skipped because it
/// only documents or decorates (<see cref="BpmnNames.IgnoredInProcess"/>), or refused with a problem naming its id, kind
/// and position. Refused containers (sub-processes, transactions...) are reported once, without their contents.
/// </summary>
internal static class ProcessReader
{
    public static ProcessContent Read(XElement process, BpmnLoadOptions options, ProblemList problems)
    {
        var content = new ProcessContent();
        foreach (var element in process.BpmnChildren())
        {
            var kind = element.Kind();
            if (BpmnNames.IgnoredInProcess.Contains(kind))
            {
                continue;
            }

            if (kind == BpmnNames.IoSpecification)
            {
                if (!IoSpecificationCheck.IsEmpty(element))
                {
                    problems.Add(process, element, "unsupported element: process data inputs and outputs are not mapped; run variables are given at start", $"process ({kind})");
                }

                continue;
            }

            if (kind == "startEvent")
            {
                content.StartEventElements++;
            }

            if (kind == "sequenceFlow")
            {
                content.WrittenEdges.Add((element.Reference("sourceRef"), element.Reference("targetRef")));
            }

            var id = element.Id();
            if (id is null)
            {
                // Without its own id the element can only be located by its process and its line.
                problems.Add(process, element, $"the {kind} has no id; flows and runs refer to elements by id", $"process ({kind})");
                continue;
            }

            if (!ReadElement(element, id, options, problems, content))
            {
                content.RefusedIds.Add(id);
            }
        }

        return content;
    }

    /// <returns>False when the element was refused.</returns>
    private static bool ReadElement(XElement element, string id, BpmnLoadOptions options, ProblemList problems, ProcessContent content)
    {
        if (element.Kind() == "sequenceFlow")
        {
            var flow = SequenceFlowReader.Read(element, id, problems);
            if (flow is not null)
            {
                content.Flows.Add(flow);
            }

            return flow is not null;
        }

        FlowNode? node = element.Kind() switch
        {
            "startEvent" => EventReader.ReadStart(element, id, problems),
            "endEvent" => EventReader.ReadEnd(element, id, problems),
            "intermediateCatchEvent" => EventReader.ReadIntermediateCatch(element, id, problems),
            "boundaryEvent" => EventReader.ReadBoundary(element, id, problems),
            "task" or "serviceTask" => TaskReader.ReadStageTask(element, id, options, problems),
            "userTask" => TaskReader.ReadUserTask(element, id, options, problems),
            "exclusiveGateway" => ReadGateway(element, problems, () => new ExclusiveGateway(id, element.DisplayName(), element.Line(), element.Reference("default"))),
            "parallelGateway" => ReadGateway(element, problems, () => new ParallelGateway(id, element.DisplayName(), element.Line())),
            _ => Refuse(element, problems),
        };

        if (node is not null)
        {
            content.Nodes.Add(new NodeSource(node, element));
        }

        return node is not null;
    }

    private static FlowNode? ReadGateway(XElement element, ProblemList problems, Func<FlowNode> create) =>
        ChildElementCheck.Check(element, problems) ? create() : null;

    private static FlowNode? Refuse(XElement element, ProblemList problems)
    {
        problems.Unsupported(element, why: Explain(element.Kind()));
        return null;
    }

    private static string? Explain(string kind) => kind switch
    {
        "subProcess" or "transaction" or "adHocSubProcess" => "sub-processes are not executed (its contents were not examined)",
        "callActivity" => "calling other processes is not supported",
        "inclusiveGateway" or "eventBasedGateway" or "complexGateway" => "only exclusive and parallel gateways are supported",
        "sendTask" or "receiveTask" => "messages are not executed",
        "intermediateThrowEvent" => "throw events are not executed",
        "scriptTask" => "scripts are never run by the engine; bind a task to a stage instead",
        "manualTask" or "businessRuleTask" => "use a task with mlops:stage, or a userTask for a person's decision",
        _ => null,
    };
}
