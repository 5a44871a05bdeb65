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
    [property: Id(7)] ImmutableArray<LifecycleEvent> History)
{
    /// <summary>Evidence attached by the owning run, in attachment order.</summary>
    [Id(8)]
    public ImmutableArray<ModelDocument> Documents { get; init; } = [];

    /// <summary>When the periodic review falls due (validation time plus the review period); null before validation.</summary>
    [Id(9)]
    public DateTimeOffset? RevalidationDueAt { get; init; }

    /// <summary>The environments where this version is live now, in the order it went live there.</summary>
    [Id(10)]
    public ImmutableArray<string> LiveIn { get; init; } = [];
}
