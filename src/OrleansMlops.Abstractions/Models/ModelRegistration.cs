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
    [property: Id(6)] ImmutableDictionary<string, double> TrainingMetrics);
