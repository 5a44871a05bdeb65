using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Security;

/// <summary>
/// A person or service the role directory knows: the roles it may act with now (none while suspended) and its
/// organisational unit.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.principal")]
public sealed record Principal(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableArray<string> Roles,
    [property: Id(2)] string? Unit)
{
    /// <summary>Set while the principal is suspended: who stopped which roles, and until when.</summary>
    [Id(3)]
    public PrincipalSuspension? Suspension { get; init; }

    public Actor ToActor() => new(Id, Roles, Unit);
}
