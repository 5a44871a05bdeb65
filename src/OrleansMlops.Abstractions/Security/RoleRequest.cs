namespace OrleansMlops.Abstractions.Security;

/// <summary>A request to grant <paramref name="Role"/> to <paramref name="Principal"/>; a second admin decides it.</summary>
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
    [property: Id(10)] string? DecisionComment);
