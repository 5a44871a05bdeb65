using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

[GenerateSerializer, Immutable, Alias("mlops.model-version-view")]
public sealed record ModelVersionView(
    [property: Id(0)] ModelVersionKey Key,
    [property: Id(1)] string OwnerRunId,
    [property: Id(2)] ModelLifecycle Lifecycle,
    [property: Id(3)] ModelRegistration Registration,
    [property: Id(4)] ImmutableDictionary<string, double> ValidationMetrics,
    [property: Id(5)] string? ApprovedBy,
    [property: Id(6)] string? Environment,
    [property: Id(7)] ImmutableArray<LifecycleEvent> History);
