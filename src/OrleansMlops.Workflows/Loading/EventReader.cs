using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Reads the events the engine runs: none start, none and terminate end, timer catch, and interrupting timer boundary
/// events. Any other event definition (message, signal, error, escalation, conditional, compensation, link...) is refused.
/// </summary>
internal static class EventReader
{
    public static StartEvent? ReadStart(XElement element, string id, ProblemList problems)
    {
        var definitions = EventDefinitions(element);
        var accepted = ChildElementCheck.Check(element, problems, BpmnNames.IsEventDefinition);
        if (definitions.Count > 0)
        {
            RefuseDefinitions(element, definitions, problems, "only a plain (none) start event is supported");
            return null;
        }

        return accepted ? new StartEvent(id, element.DisplayName(), element.Line()) : null;
    }

    public static EndEvent? ReadEnd(XElement element, string id, ProblemList problems)
    {
        var definitions = EventDefinitions(element);
        var accepted = ChildElementCheck.Check(element, problems, BpmnNames.IsEventDefinition);
        var terminate = definitions is [{ } only] && only.Kind() == BpmnNames.TerminateEventDefinition;
        if (definitions.Count > 0 && !terminate)
        {
            RefuseDefinitions(element, definitions, problems, "only plain and terminate end events are supported");
            return null;
        }

        return accepted ? new EndEvent(id, element.DisplayName(), element.Line(), terminate) : null;
    }

    public static IntermediateTimerEvent? ReadIntermediateCatch(XElement element, string id, ProblemList problems)
    {
        var accepted = ChildElementCheck.Check(element, problems, BpmnNames.IsEventDefinition);
        if (SingleTimer(element, problems, "only timer catch events are supported") is not { } timer)
        {
            return null;
        }

        var duration = TimerReader.ReadDuration(element, timer, problems);
        return accepted && duration is { } value ? new IntermediateTimerEvent(id, element.DisplayName(), element.Line(), value) : null;
    }

    public static BoundaryTimerEvent? ReadBoundary(XElement element, string id, ProblemList problems)
    {
        var accepted = ChildElementCheck.Check(element, problems, BpmnNames.IsEventDefinition);
        if (SingleTimer(element, problems, "only interrupting timer boundary events are supported") is not { } timer)
        {
            return null;
        }

        if (!element.Flag("cancelActivity", fallback: true))
        {
            problems.Unsupported(
                element,
                $"{element.Kind()} (non-interrupting {BpmnNames.TimerEventDefinition})",
                "only interrupting boundary timers are supported; a non-interrupting one would run a second path beside the task");
            return null;
        }

        var attachedTo = element.Reference("attachedToRef");
        if (attachedTo is null)
        {
            problems.Add(element, "the boundary event has no attachedToRef");
            accepted = false;
        }

        var duration = TimerReader.ReadDuration(element, timer, problems);
        return accepted && attachedTo is not null && duration is { } value
            ? new BoundaryTimerEvent(id, element.DisplayName(), element.Line(), attachedTo, value)
            : null;
    }

    private static List<XElement> EventDefinitions(XElement element) =>
        element.Elements().Where(BpmnNames.IsEventDefinition).ToList();

    /// <summary>The single timer definition of a catch event, or null after reporting why there is none.</summary>
    private static XElement? SingleTimer(XElement element, ProblemList problems, string why)
    {
        var definitions = EventDefinitions(element);
        if (definitions is [{ } only] && only.Kind() == BpmnNames.TimerEventDefinition)
        {
            return only;
        }

        if (definitions.Count == 0)
        {
            problems.Unsupported(element, $"{element.Kind()} (no event definition)", why);
            return null;
        }

        RefuseDefinitions(element, definitions, problems, why);
        return null;
    }

    private static void RefuseDefinitions(XElement element, List<XElement> definitions, ProblemList problems, string why)
    {
        var names = string.Join(", ", definitions.Select(definition => definition.Kind()));
        problems.Unsupported(element, $"{element.Kind()} ({names})", why);
    }
}
