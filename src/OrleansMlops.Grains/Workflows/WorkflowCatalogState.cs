namespace OrleansMlops.Grains.Workflows;

[GenerateSerializer, Alias("mlops.workflow-catalog-state")]
public sealed class WorkflowCatalogState
{
    [Id(0)]
    public SortedSet<string> WorkflowIds { get; set; } = new(StringComparer.Ordinal);
}
