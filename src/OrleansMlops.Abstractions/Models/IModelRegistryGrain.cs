namespace OrleansMlops.Abstractions.Models;

/// <summary>Allocates version numbers of one registered model (key: model name) and keeps its aliases (champion, challenger…).</summary>
[Alias("mlops.IModelRegistryGrain")]
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>The version number for the model a run trains; asking again for the same run returns the same number.</summary>
    [Alias("AllocateVersion")]
    Task<int> AllocateVersion(string runId);

    [Alias("ListVersions")]
    Task<IReadOnlyList<int>> ListVersions();

    /// <summary>
    /// Points <paramref name="alias"/> at an approved or released <paramref name="version"/>, or removes it (null).
    /// Setting an alias to the version it already names changes nothing. Refused with <see cref="ModelVersionException"/>
    /// for an invalid name or a version that is not approved, released, or at all.
    /// </summary>
    [Alias("SetAlias")]
    Task<ModelAliasesView> SetAlias(string alias, int? version, string actor, string? reason);

    [Alias("GetAliases")]
    Task<ModelAliasesView> GetAliases();
}
