namespace OrleansMlops.Abstractions.Models;

/// <summary>A model name and an environment name; <see cref="GrainKey"/> keys the ModelEnvironmentGrain ("credit-risk/production").</summary>
[GenerateSerializer, Immutable, Alias("mlops.model-environment-key")]
public sealed record ModelEnvironmentKey([property: Id(0)] string ModelName, [property: Id(1)] string Environment)
{
    public string GrainKey => $"{ModelName}/{Environment}";

    public override string ToString() => GrainKey;
}
