namespace OrleansMlops.Storage.Models;

/// <summary>
/// The model registry's read model: search over model versions and lineage in both directions (what produced a
/// version; which versions a data set or file produced). Grains cannot be queried, so each version grain's transition
/// carries its view's row (<see cref="ModelIndexRow"/>), stored with the state in one transaction.
/// </summary>
public interface IModelIndex
{
    /// <summary>Versions matching every given filter, newest registration first; the limit is clamped to 1..1000.</summary>
    Task<IReadOnlyList<ModelVersionSummary>> SearchAsync(ModelSearch query, CancellationToken cancellationToken);

    /// <summary>What produced the version, or null when it was never projected.</summary>
    Task<ModelVersionLineage?> GetLineageAsync(string name, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Versions trained on the data set (any version of it when <paramref name="datasetVersion"/> is null), newest
    /// registration first, at most <see cref="ModelSearch.MaxLimit"/>.
    /// </summary>
    Task<IReadOnlyList<ModelVersionSummary>> ModelsUsingDatasetAsync(string datasetId, string? datasetVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Versions whose training data included a file with this exact SHA-256 (lowercase hex), in any role, newest
    /// registration first, at most <see cref="ModelSearch.MaxLimit"/>.
    /// </summary>
    Task<IReadOnlyList<ModelVersionSummary>> ModelsUsingFileAsync(string sha256, CancellationToken cancellationToken);
}
