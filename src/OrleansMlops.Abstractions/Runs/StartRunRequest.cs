using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Runs;

/// <summary>Starts a run of a workflow's latest version (or of <paramref name="WorkflowVersion"/>) with parameters as run variables.</summary>
[GenerateSerializer, Immutable, Alias("mlops.start-run-request")]
public sealed record StartRunRequest(
    [property: Id(0)] string WorkflowId,
    [property: Id(1)] int? WorkflowVersion,
    [property: Id(2)] ImmutableDictionary<string, Variable> Parameters,
    [property: Id(3)] Actor StartedBy);
