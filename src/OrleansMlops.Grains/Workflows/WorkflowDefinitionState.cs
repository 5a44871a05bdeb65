namespace OrleansMlops.Grains.Workflows;

[GenerateSerializer, Alias("mlops.workflow-definition-state")]
public sealed class WorkflowDefinitionState
{
    [Id(0)]
    public List<StoredWorkflowVersion> Versions { get; set; } = [];
}
