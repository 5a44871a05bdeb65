using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OrleansMlops.Workflows;

/// <summary>
/// A validated, executable process: only <see cref="BpmnLoader"/> builds one, so every flow joins known nodes, there is
/// exactly one start event and every condition parsed.
/// </summary>
public sealed class ProcessDefinition
{
    private readonly FrozenDictionary<string, ImmutableArray<SequenceFlow>> outgoing;
    private readonly FrozenDictionary<string, ImmutableArray<SequenceFlow>> incoming;
    private readonly FrozenDictionary<string, ImmutableArray<BoundaryTimerEvent>> boundaryTimers;

    internal ProcessDefinition(
        string processId,
        string? name,
        string contentHash,
        IReadOnlyList<FlowNode> nodes,
        ImmutableArray<SequenceFlow> flows,
        ImmutableArray<string> startRoles)
    {
        ProcessId = processId;
        StartRoles = startRoles;
        Name = name;
        ContentHash = contentHash;
        Nodes = nodes.ToFrozenDictionary(node => node.Id, StringComparer.Ordinal);
        Flows = flows;
        StartEvent = nodes.OfType<StartEvent>().Single();

        // Grouping keeps document order within each group, and document order is what gateways evaluate in.
        outgoing = flows.GroupBy(flow => flow.SourceId, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToImmutableArray(), StringComparer.Ordinal);
        incoming = flows.GroupBy(flow => flow.TargetId, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToImmutableArray(), StringComparer.Ordinal);
        boundaryTimers = nodes.OfType<BoundaryTimerEvent>()
            .GroupBy(timer => timer.AttachedToId, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToImmutableArray(), StringComparer.Ordinal);
    }

    public string ProcessId { get; }

    public string? Name { get; }

    /// <summary>The roles allowed to start a run (<c>mlops:startRoles</c> on the process); empty when the process does not narrow it.</summary>
    public ImmutableArray<string> StartRoles { get; }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 document, so identical uploads are recognised as one version.</summary>
    public string ContentHash { get; }

    public IReadOnlyDictionary<string, FlowNode> Nodes { get; }

    /// <summary>All sequence flows in document order.</summary>
    public ImmutableArray<SequenceFlow> Flows { get; }

    public StartEvent StartEvent { get; }

    /// <summary>The flows leaving a node, in document order.</summary>
    public ImmutableArray<SequenceFlow> Outgoing(string nodeId) =>
        outgoing.TryGetValue(nodeId, out var flows) ? flows : [];

    /// <summary>The flows arriving at a node, in document order.</summary>
    public ImmutableArray<SequenceFlow> Incoming(string nodeId) =>
        incoming.TryGetValue(nodeId, out var flows) ? flows : [];

    /// <summary>The timers attached to a user task, in document order.</summary>
    public ImmutableArray<BoundaryTimerEvent> BoundaryTimersOf(string userTaskId) =>
        boundaryTimers.TryGetValue(userTaskId, out var timers) ? timers : [];

    /// <summary>The node with this id; throws when there is none, because ids come from this definition.</summary>
    public FlowNode Node(string nodeId) =>
        Nodes.TryGetValue(nodeId, out var node)
            ? node
            : throw new KeyNotFoundException($"Process '{ProcessId}' has no node '{nodeId}'.");
}
