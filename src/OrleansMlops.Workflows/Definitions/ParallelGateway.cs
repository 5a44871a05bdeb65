namespace OrleansMlops.Workflows;

/// <summary>Forks a token over every outgoing flow, and joins by waiting for a token over every incoming flow.</summary>
public sealed record ParallelGateway(string Id, string? Name, int Line) : FlowNode(Id, Name, Line);
