using System.Collections.Immutable;

namespace OrleansMlops.Abstractions;

/// <summary>A person or service acting on a run: identity, roles and organisational unit.</summary>
[GenerateSerializer, Immutable, Alias("mlops.actor")]
public sealed record Actor(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableArray<string> Roles,
    [property: Id(2)] string? Unit)
{
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public static Actor System { get; } = new("system", ["system"], null);
}
