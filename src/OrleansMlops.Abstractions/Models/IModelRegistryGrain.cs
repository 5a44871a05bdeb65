namespace OrleansMlops.Abstractions.Models;

/// <summary>Allocates version numbers of one registered model (key: model name).</summary>
[Alias("mlops.IModelRegistryGrain")]
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>The version number for the model a run trains; asking again for the same run returns the same number.</summary>
    [Alias("AllocateVersion")]
    Task<int> AllocateVersion(string runId);

    [Alias("ListVersions")]
    Task<IReadOnlyList<int>> ListVersions();
}
