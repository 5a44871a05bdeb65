namespace OrleansMlops.Abstractions.Workflows;

/// <summary>
/// One published version of a workflow definition: who published it, and whether runs may start it (a designer's
/// version of a workflow that can release models waits for a second designer, named in <paramref name="ReviewedBy"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.workflow-version-info")]
public sealed record WorkflowVersionInfo(
    [property: Id(0)] string WorkflowId,
    [property: Id(1)] int Version,
    [property: Id(2)] string ContentHash,
    [property: Id(3)] string ProcessId,
    [property: Id(4)] string? Name,
    [property: Id(5)] DateTimeOffset PublishedAt,
    [property: Id(6)] string PublishedBy,
    [property: Id(7)] WorkflowVersionStatus Status = WorkflowVersionStatus.Startable,
    [property: Id(8)] string? ReviewedBy = null,
    [property: Id(9)] DateTimeOffset? ReviewedAt = null,
    [property: Id(10)] string? ReviewComment = null)
{
    public bool IsStartable => Status == WorkflowVersionStatus.Startable;
}
