using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Grains.Workflows;

[GenerateSerializer, Immutable, Alias("mlops.stored-workflow-version")]
public sealed record StoredWorkflowVersion(
    [property: Id(0)] WorkflowVersionInfo Info,
    [property: Id(1)] string Document);
