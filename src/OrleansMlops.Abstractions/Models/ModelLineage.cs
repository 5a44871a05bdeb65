using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>What produced a model version; captured at train time and immutable after.</summary>
[GenerateSerializer, Immutable, Alias("mlops.model-lineage")]
public sealed record ModelLineage(
    [property: Id(0)] string DatasetId,
    [property: Id(1)] string DatasetVersion,
    [property: Id(2)] ImmutableArray<DatasetFile> Files,
    [property: Id(3)] string CodeCommit,
    [property: Id(4)] ImmutableDictionary<string, string> Parameters,
    [property: Id(5)] ImmutableDictionary<string, string> Environment,
    [property: Id(6)] string TrainedBy,
    [property: Id(7)] DateTimeOffset TrainedAt);
