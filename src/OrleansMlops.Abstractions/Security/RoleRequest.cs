namespace OrleansMlops.Abstractions.Security;

/// <summary>
/// A role change one admin asks for and a second admin decides: a grant or revocation of <paramref name="Role"/>, or a
/// suspension of every role of <paramref name="Principal"/> (<paramref name="Role"/> is then <see cref="AllRoles"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.role-request")]
public sealed record RoleRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Principal,
    [property: Id(2)] string Role,
    [property: Id(3)] string? Unit,
    [property: Id(4)] string Reason,
    [property: Id(5)] string RequestedBy,
    [property: Id(6)] DateTimeOffset RequestedAt,
    [property: Id(7)] RoleRequestStatus Status,
    [property: Id(8)] string? DecidedBy,
    [property: Id(9)] DateTimeOffset? DecidedAt,
    [property: Id(10)] string? DecisionComment)
{
    /// <summary>The <see cref="Role"/> of a suspension: it covers every role the principal holds.</summary>
    public const string AllRoles = "*";

    [Id(11)]
    public RoleRequestKind Kind { get; init; }

    /// <summary>When a pending suspension gives the principal's roles back; null for other kinds.</summary>
    [Id(12)]
    public DateTimeOffset? LapsesAt { get; init; }

    /// <summary>
    /// The request as it stands at <paramref name="now"/>: a pending suspension past <see cref="LapsesAt"/> has lapsed
    /// (decided by nobody, at the instant it lapsed) even before the directory records it.
    /// </summary>
    public RoleRequest AsOf(DateTimeOffset now) =>
        Status == RoleRequestStatus.Pending && LapsesAt is { } lapses && lapses <= now
            ? this with { Status = RoleRequestStatus.Lapsed, DecidedAt = lapses }
            : this;
}
