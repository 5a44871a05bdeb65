namespace OrleansMlops.Abstractions.Workflows;

/// <summary>The set of known workflow ids (a singleton, key 0): grains cannot be enumerated.</summary>
[Alias("mlops.IWorkflowCatalogGrain")]
public interface IWorkflowCatalogGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task Add(string workflowId);

    [Alias("List")]
    Task<IReadOnlyList<string>> List();
}
