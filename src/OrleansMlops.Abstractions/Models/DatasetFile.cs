namespace OrleansMlops.Abstractions.Models;

/// <summary>A data file used by training, by role (train, validation, test), with its SHA-256 and row count.</summary>
[GenerateSerializer, Immutable, Alias("mlops.dataset-file")]
public sealed record DatasetFile(
    [property: Id(0)] string Role,
    [property: Id(1)] string Path,
    [property: Id(2)] string Sha256,
    [property: Id(3)] long Rows);
