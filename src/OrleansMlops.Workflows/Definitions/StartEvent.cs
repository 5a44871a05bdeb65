namespace OrleansMlops.Workflows;

/// <summary>The plain (none) start event where every run begins.</summary>
public sealed record StartEvent(string Id, string? Name, int Line) : FlowNode(Id, Name, Line);
