namespace OrleansMlops.Workflows;

/// <summary>Holds a token for <paramref name="Duration"/> (a cooling-off period, a soak time...).</summary>
public sealed record IntermediateTimerEvent(string Id, string? Name, int Line, TimeSpan Duration) : FlowNode(Id, Name, Line);
