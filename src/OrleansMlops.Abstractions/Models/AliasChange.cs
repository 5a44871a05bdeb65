namespace OrleansMlops.Abstractions.Models;

/// <summary>One change of an alias: which version it now names (null: removed), which it named before, who, when, why.</summary>
[GenerateSerializer, Immutable, Alias("mlops.alias-change")]
public sealed record AliasChange(
    [property: Id(0)] string Alias,
    [property: Id(1)] int? Version,
    [property: Id(2)] int? PreviousVersion,
    [property: Id(3)] string Actor,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? Reason);
