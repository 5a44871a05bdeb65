using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Security;

/// <summary>
/// A principal's roles stopped at once: <paramref name="HeldRoles"/> come back at <paramref name="LapsesAt"/> unless a
/// second admin decides suspension request <paramref name="RequestId"/> first.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.principal-suspension")]
public sealed record PrincipalSuspension(
    [property: Id(0)] string RequestId,
    [property: Id(1)] DateTimeOffset LapsesAt,
    [property: Id(2)] ImmutableArray<string> HeldRoles);
