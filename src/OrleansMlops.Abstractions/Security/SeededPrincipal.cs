using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Security;

/// <summary>Roles configuration gives a principal at start (bootstrap admins, development's sample people).</summary>
[GenerateSerializer, Immutable, Alias("mlops.seeded-principal")]
public sealed record SeededPrincipal(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableArray<string> Roles,
    [property: Id(2)] string? Unit);
