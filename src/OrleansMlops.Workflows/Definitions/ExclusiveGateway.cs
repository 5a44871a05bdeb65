namespace OrleansMlops.Workflows;

/// <summary>Routes a token over the first outgoing flow whose condition holds, else over the default flow.</summary>
public sealed record ExclusiveGateway(string Id, string? Name, int Line, string? DefaultFlowId) : FlowNode(Id, Name, Line);
