namespace OrleansMlops.Abstractions.Workflows;

/// <summary>All published versions of one workflow, keyed by workflow id (the BPMN file name without extension).</summary>
[Alias("mlops.IWorkflowDefinitionGrain")]
public interface IWorkflowDefinitionGrain : IGrainWithStringKey
{
    /// <summary>Validates and stores the document as the next version, unless its content hash equals an existing version.</summary>
    [Alias("Publish")]
    Task<PublishResult> Publish(string bpmnXml, string publishedBy);

    [Alias("GetVersions")]
    Task<IReadOnlyList<WorkflowVersionInfo>> GetVersions();

    /// <summary>The BPMN of a version, or null when there is no such version. Null version means the latest.</summary>
    [Alias("GetDocument")]
    Task<string?> GetDocument(int? version);
}
