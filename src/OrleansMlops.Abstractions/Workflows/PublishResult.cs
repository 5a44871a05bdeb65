using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Workflows;

/// <summary>The outcome of publishing BPMN: the version it became (an identical document returns the existing version), or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("mlops.publish-result")]
public sealed record PublishResult(
    [property: Id(0)] WorkflowVersionInfo? Version,
    [property: Id(1)] bool Created,
    [property: Id(2)] ImmutableArray<WorkflowProblem> Problems)
{
    public bool Succeeded => Version is not null;
}
