using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Checks the shape of the process: one start, flows between known nodes, every node reachable and able to leave,
/// gateway conditions complete, boundary timers on user tasks. Problems about refused elements are not repeated.
/// </summary>
internal static class GraphValidator
{
    public static void Validate(ProcessContent content, XElement process, ProblemList problems)
    {
        // First declaration wins: later duplicates are reported by DuplicateIdCheck.
        var nodes = new Dictionary<string, NodeSource>(StringComparer.Ordinal);
        foreach (var source in content.Nodes)
        {
            nodes.TryAdd(source.Node.Id, source);
        }

        CheckStartEvents(content, process, problems);
        CheckFlowEnds(content, nodes, problems);
        CheckConnections(content, problems);
        CheckConditions(content, nodes, problems);
        CheckExclusiveGateways(content, problems);
        CheckBoundaryTimers(content, nodes, problems);
    }

    private static void CheckStartEvents(ProcessContent content, XElement process, ProblemList problems)
    {
        var starts = content.Nodes.Where(source => source.Node is StartEvent).ToList();
        if (content.StartEventElements == 0)
        {
            problems.Add(process, "the process has no start event");
        }

        foreach (var extra in starts.Skip(1))
        {
            problems.Add(extra.Element, $"a second start event; the process must have exactly one (the first is '{starts[0].Node.Id}')");
        }
    }

    private static void CheckFlowEnds(ProcessContent content, Dictionary<string, NodeSource> nodes, ProblemList problems)
    {
        foreach (var source in content.Flows)
        {
            var flow = source.Flow;
            foreach (var (end, role) in new[] { (flow.SourceId, "starts at"), (flow.TargetId, "ends at") })
            {
                if (!nodes.ContainsKey(end) && !content.RefusedIds.Contains(end))
                {
                    problems.Add(source.Element, $"the sequence flow {role} '{end}', which is not an element of the process");
                }
            }

            if (nodes.TryGetValue(flow.TargetId, out var target) && target.Node is StartEvent or BoundaryTimerEvent)
            {
                problems.Add(source.Element, $"the sequence flow ends at {target.Element.Kind()} '{flow.TargetId}', which cannot have incoming flows");
            }

            if (nodes.TryGetValue(flow.SourceId, out var origin) && origin.Node is EndEvent)
            {
                problems.Add(source.Element, $"the sequence flow starts at end event '{flow.SourceId}', which cannot have outgoing flows");
            }
        }
    }

    private static void CheckConnections(ProcessContent content, ProblemList problems)
    {
        var sources = content.WrittenEdges.Select(edge => edge.Source).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var targets = content.WrittenEdges.Select(edge => edge.Target).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (node, element) in content.Nodes)
        {
            if (node is not (StartEvent or BoundaryTimerEvent) && !targets.Contains(node.Id))
            {
                problems.Add(element, "the node has no incoming sequence flow, so no run can ever reach it");
            }

            if (node is not EndEvent && !sources.Contains(node.Id))
            {
                problems.Add(element, "the node has no outgoing sequence flow; only end events may end a path");
            }
        }
    }

    private static void CheckConditions(ProcessContent content, Dictionary<string, NodeSource> nodes, ProblemList problems)
    {
        foreach (var source in content.Flows.Where(source => source.Flow.Condition is not null))
        {
            if (nodes.TryGetValue(source.Flow.SourceId, out var origin) && origin.Node is not ExclusiveGateway)
            {
                problems.Add(
                    source.Element,
                    $"the sequence flow has a condition but leaves {origin.Element.Kind()} '{origin.Node.Id}'; "
                    + "conditions are only supported on flows out of exclusive gateways");
            }
        }
    }

    private static void CheckExclusiveGateways(ProcessContent content, ProblemList problems)
    {
        // Grouped once: scanning every flow for every gateway cost a second of CPU for 8,000 gateways in a 1 MB document.
        var flowsBySource = content.Flows.ToLookup(source => source.Flow.SourceId, StringComparer.Ordinal);
        foreach (var (node, element) in content.Nodes)
        {
            if (node is not ExclusiveGateway gateway)
            {
                continue;
            }

            var outgoing = flowsBySource[gateway.Id].ToList();
            if (gateway.DefaultFlowId is { } defaultId)
            {
                var defaultFlow = outgoing.Find(source => source.Flow.Id == defaultId);
                if (defaultFlow is null)
                {
                    problems.Add(element, $"the default flow '{defaultId}' is not a sequence flow leaving this gateway");
                }
                else if (defaultFlow.Flow.Condition is not null || defaultFlow.ConditionRefused)
                {
                    problems.Add(defaultFlow.Element, $"the default flow of gateway '{gateway.Id}' must not have a condition: it is taken when no condition holds");
                }
            }

            if (outgoing.Count < 2)
            {
                continue;
            }

            foreach (var missing in outgoing.Where(source =>
                source.Flow.Condition is null && !source.ConditionRefused && source.Flow.Id != gateway.DefaultFlowId))
            {
                problems.Add(
                    missing.Element,
                    $"the sequence flow leaves exclusive gateway '{gateway.Id}' without a condition and is not its default flow; "
                    + "give it a condition or make it the default");
            }
        }
    }

    private static void CheckBoundaryTimers(ProcessContent content, Dictionary<string, NodeSource> nodes, ProblemList problems)
    {
        foreach (var (node, element) in content.Nodes)
        {
            if (node is not BoundaryTimerEvent timer)
            {
                continue;
            }

            if (nodes.TryGetValue(timer.AttachedToId, out var host))
            {
                if (host.Node is not UserTask)
                {
                    problems.Add(element, $"the boundary timer is attached to {host.Element.Kind()} '{timer.AttachedToId}'; boundary timers are only supported on user tasks");
                }
            }
            else
            {
                var what = content.RefusedIds.Contains(timer.AttachedToId) ? "an element that was refused" : "no element of the process";
                problems.Add(element, $"the boundary timer is attached to '{timer.AttachedToId}', which is {what}; boundary timers are only supported on user tasks");
            }
        }
    }
}
