using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Abstractions.Runs;

/// <summary>Everything a caller sees of a run.</summary>
[GenerateSerializer, Immutable, Alias("mlops.run-view")]
public sealed record RunView(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunStatus Status,
    [property: Id(2)] WorkflowVersionRef? Workflow,
    [property: Id(3)] ImmutableArray<Token> Tokens,
    [property: Id(4)] ImmutableArray<OpenTask> OpenTasks,
    [property: Id(5)] ImmutableDictionary<string, Variable> Variables,
    [property: Id(6)] ImmutableArray<HistoryEntry> History,
    [property: Id(7)] ImmutableArray<GateDecision> Decisions,
    [property: Id(8)] ModelVersionKey? Model,
    [property: Id(9)] Actor? StartedBy,
    [property: Id(10)] DateTimeOffset? StartedAt,
    [property: Id(11)] DateTimeOffset? UpdatedAt,
    [property: Id(12)] string? EndNodeId,
    [property: Id(13)] string? Problem,
    [property: Id(14)] long Version)
{
    public ImmutableArray<string> CurrentNodes => [.. Tokens.Select(t => t.NodeId).Distinct()];

    /// <summary>
    /// The parameters the run was started with, as given (<see cref="Variables"/> also hold what stages added since);
    /// a retraining run repeats them. Empty for runs started before they were kept.
    /// </summary>
    [Id(15)]
    public ImmutableDictionary<string, Variable> Parameters { get; init; } = ImmutableDictionary<string, Variable>.Empty;
}
