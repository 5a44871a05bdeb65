namespace OrleansMlops.Abstractions.Models;

/// <summary>One change of a model version's lifecycle, by whom, from which run, when.</summary>
[GenerateSerializer, Immutable, Alias("mlops.lifecycle-event")]
public sealed record LifecycleEvent(
    [property: Id(0)] ModelLifecycle To,
    [property: Id(1)] string RunId,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? Detail);
