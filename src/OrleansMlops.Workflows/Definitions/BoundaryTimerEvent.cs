namespace OrleansMlops.Workflows;

/// <summary>
/// An interrupting timer on a user task: when it fires before the task is completed, the task is abandoned and the
/// run continues over this event's outgoing flows (typically an escalation).
/// </summary>
public sealed record BoundaryTimerEvent(string Id, string? Name, int Line, string AttachedToId, TimeSpan Duration)
    : FlowNode(Id, Name, Line);
