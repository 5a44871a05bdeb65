namespace OrleansMlops.Grains.Models;

[GenerateSerializer, Alias("mlops.model-registry-state")]
public sealed class ModelRegistryState
{
    /// <summary>Version number by the run that trained it; a version belongs to exactly one run.</summary>
    [Id(0)]
    public Dictionary<string, int> VersionByRun { get; set; } = new(StringComparer.Ordinal);
}
