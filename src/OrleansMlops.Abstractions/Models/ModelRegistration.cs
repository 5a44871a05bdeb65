using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>What the train stage hands to the registry for a new model version.</summary>
[GenerateSerializer, Immutable, Alias("mlops.model-registration")]
public sealed record ModelRegistration(
    [property: Id(0)] string ModelName,
    [property: Id(1)] string Purpose,
    [property: Id(2)] string RiskClass,
    [property: Id(3)] string ArtifactUri,
    [property: Id(4)] string ArtifactSha256,
    [property: Id(5)] ModelLineage Lineage,
    [property: Id(6)] ImmutableDictionary<string, double> TrainingMetrics)
{
    /// <summary>The accountable owner (model inventory, SR 26-2); the run's "owner" parameter, else the submitter.</summary>
    [Id(7)]
    public string? Owner { get; init; }

    /// <summary>Materiality tier in the model inventory (the run's "tier" parameter).</summary>
    [Id(8)]
    public string? Tier { get; init; }

    /// <summary>Attributes the bias examination compares groups by (AI Act Art. 10(2)(f)); never model features.</summary>
    [Id(9)]
    public ImmutableArray<string> ProtectedAttributes { get; init; } = [];

    /// <summary>
    /// Free labels for finding the version in the registry (<see cref="ModelTags"/>): set from the run's "tags" parameter
    /// at train time, replaced later through the version grain. A set, sorted.
    /// </summary>
    [Id(10)]
    public ImmutableArray<string> Tags { get; init; } = [];
}
