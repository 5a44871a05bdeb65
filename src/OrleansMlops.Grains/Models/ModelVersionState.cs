using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Models;

[GenerateSerializer, Alias("mlops.model-version-state")]
public sealed class ModelVersionState
{
    [Id(0)]
    public ModelVersionView? View { get; set; }
}
