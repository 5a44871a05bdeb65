using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Models;

[GenerateSerializer, Alias("mlops.model-registry-state")]
public sealed class ModelRegistryState
{
    /// <summary>Version number by the run that trained it; a version belongs to exactly one run.</summary>
    [Id(0)]
    public Dictionary<string, int> VersionByRun { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public Dictionary<string, int> Aliases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every alias change, oldest first; never rewritten.</summary>
    [Id(2)]
    public List<AliasChange> AliasHistory { get; set; } = [];
}
