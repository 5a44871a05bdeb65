namespace OrleansMlops.Workflows;

/// <summary>
/// What was read from the executed process: the nodes and flows that can run, the ids of elements that were refused
/// (so flows to them are not reported a second time), and every flow edge as written (so missing-flow checks are not
/// fooled by a neighbour that was refused).
/// </summary>
internal sealed class ProcessContent
{
    public List<NodeSource> Nodes { get; } = [];

    public List<FlowSource> Flows { get; } = [];

    public HashSet<string> RefusedIds { get; } = new(StringComparer.Ordinal);

    public List<(string? Source, string? Target)> WrittenEdges { get; } = [];

    public int StartEventElements { get; set; }
}
