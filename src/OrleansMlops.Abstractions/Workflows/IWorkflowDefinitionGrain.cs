namespace OrleansMlops.Abstractions.Workflows;

/// <summary>All published versions of one workflow, keyed by workflow id (the BPMN file name without extension).</summary>
[Alias("mlops.IWorkflowDefinitionGrain")]
public interface IWorkflowDefinitionGrain : IGrainWithStringKey
{
    /// <summary>
    /// A designer publishes: validated and stored as the next version, unless its content hash equals an existing
    /// version. A version of a workflow that can release models (or that configuration names) awaits a second
    /// designer's approval before runs start it; the designer must hold the publish permission in the role directory.
    /// </summary>
    [Alias("Publish")]
    Task<PublishResult> Publish(string bpmnXml, Actor designer);

    /// <summary>
    /// The operator's path: a file of the deployed workflows folder (<paramref name="file"/>), startable at once and
    /// recorded in the workflow's audit trail as the operator's. Only the host's own publisher calls it.
    /// </summary>
    [Alias("PublishFromFolder")]
    Task<PublishResult> PublishFromFolder(string bpmnXml, string file);

    /// <summary>A designer other than the publisher makes an awaiting version startable.</summary>
    [Alias("Approve")]
    Task<WorkflowVersionInfo> Approve(int version, Actor designer, string? comment);

    /// <summary>A designer other than the publisher refuses an awaiting version, saying why.</summary>
    [Alias("Reject")]
    Task<WorkflowVersionInfo> Reject(int version, Actor designer, string reason);

    /// <summary>Checks the workflow's audit trail (every publication and review) against the head the grain recorded.</summary>
    [Alias("VerifyAudit")]
    Task<Audit.AuditVerification> VerifyAudit();

    [Alias("GetVersions")]
    Task<IReadOnlyList<WorkflowVersionInfo>> GetVersions();

    /// <summary>The BPMN of a version, or null when there is no such version. Null version means the latest.</summary>
    [Alias("GetDocument")]
    Task<string?> GetDocument(int? version);
}
