namespace OrleansMlops.Grains.Workflows;

[GenerateSerializer, Alias("mlops.workflow-definition-state")]
public sealed class WorkflowDefinitionState : IChainedAuditState
{
    [Id(0)]
    public List<StoredWorkflowVersion> Versions { get; set; } = [];

    [Id(1)]
    public long AuditSequence { get; set; }

    [Id(2)]
    public string? AuditHeadHash { get; set; }
}
