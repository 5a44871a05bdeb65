using System.Collections.Immutable;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Abstractions.Runs;

/// <summary>One committed transition of a run; <paramref name="Sequence"/> equals its audit record's sequence.</summary>
[GenerateSerializer, Immutable, Alias("mlops.history-entry")]
public sealed record HistoryEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Summary,
    [property: Id(5)] ImmutableArray<TransitionStep> Steps);
