namespace OrleansMlops.Abstractions.Workflows;

/// <summary>Pins a run to one published version of a workflow definition.</summary>
[GenerateSerializer, Immutable, Alias("mlops.workflow-version-ref")]
public sealed record WorkflowVersionRef(
    [property: Id(0)] string WorkflowId,
    [property: Id(1)] int Version,
    [property: Id(2)] string ContentHash);
