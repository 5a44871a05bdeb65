using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Storage.Models;

/// <summary>
/// What produced one model version: the data set and its files with their hashes, the code commit, the training
/// parameters and environment, who trained it when, the artifact it produced and the metrics measured on it
/// (training metrics at train time, validation metrics once a validator signed them off).
/// </summary>
public sealed record ModelVersionLineage(
    string Name,
    int Version,
    string ArtifactSha256,
    string DatasetId,
    string DatasetVersion,
    ImmutableArray<DatasetFile> Files,
    string CodeCommit,
    ImmutableDictionary<string, string> Parameters,
    ImmutableDictionary<string, string> Environment,
    ImmutableDictionary<string, double> TrainingMetrics,
    ImmutableDictionary<string, double> ValidationMetrics,
    string TrainedBy,
    DateTimeOffset TrainedAt);
