namespace OrleansMlops.Abstractions.Workflows;

/// <summary>One published version of a workflow definition.</summary>
[GenerateSerializer, Immutable, Alias("mlops.workflow-version-info")]
public sealed record WorkflowVersionInfo(
    [property: Id(0)] string WorkflowId,
    [property: Id(1)] int Version,
    [property: Id(2)] string ContentHash,
    [property: Id(3)] string ProcessId,
    [property: Id(4)] string? Name,
    [property: Id(5)] DateTimeOffset PublishedAt,
    [property: Id(6)] string PublishedBy);
