namespace OrleansMlops.Workflows;

/// <summary>An end event; <paramref name="Terminate"/> ends the whole run at once instead of only the arriving token.</summary>
public sealed record EndEvent(string Id, string? Name, int Line, bool Terminate) : FlowNode(Id, Name, Line);
