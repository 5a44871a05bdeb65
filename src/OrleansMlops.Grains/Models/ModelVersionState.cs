using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Models;

[GenerateSerializer, Alias("mlops.model-version-state")]
public sealed class ModelVersionState
{
    [Id(0)]
    public ModelVersionView? View { get; set; }

    /// <summary>Counts the writes; the registry read model keeps the projection with the highest revision.</summary>
    [Id(1)]
    public long Revision { get; set; }
}
