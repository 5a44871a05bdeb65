namespace OrleansMlops.Abstractions.Models;

/// <summary>A model name and version number; <see cref="GrainKey"/> is the ModelVersionGrain key ("name/3").</summary>
[GenerateSerializer, Immutable, Alias("mlops.model-version-key")]
public sealed record ModelVersionKey([property: Id(0)] string Name, [property: Id(1)] int Version)
{
    public string GrainKey => $"{Name}/{Version}";

    public override string ToString() => GrainKey;
}
