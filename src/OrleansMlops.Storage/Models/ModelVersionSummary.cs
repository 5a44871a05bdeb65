using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Storage.Models;

/// <summary>
/// One model version as the registry lists it: inventory facts, where its training data came from, where it is live
/// now and its tags. <see cref="Revision"/> is the version grain's write counter the row was projected from.
/// </summary>
public sealed record ModelVersionSummary(
    string Name,
    int Version,
    ModelLifecycle Lifecycle,
    string Purpose,
    string RiskClass,
    string? Owner,
    string? Tier,
    string ArtifactSha256,
    string DatasetId,
    string DatasetVersion,
    string CodeCommit,
    string TrainedBy,
    DateTimeOffset TrainedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    string? ApprovedBy,
    ImmutableArray<string> Environments,
    ImmutableArray<string> Tags,
    long Revision);
