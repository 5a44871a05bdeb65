namespace OrleansMlops.Abstractions.Security;

/// <summary>
/// Asks for <paramref name="Role"/> to be granted to <paramref name="Principal"/> (in <paramref name="Unit"/>, if given).
/// <paramref name="RequestKey"/>, when given, names the command for retries: the same command again under it gets the
/// request it made, not a second one.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.role-grant-command")]
public sealed record RoleGrantCommand(
    [property: Id(0)] string Principal,
    [property: Id(1)] string Role,
    [property: Id(2)] string? Unit,
    [property: Id(3)] string Reason,
    [property: Id(4)] Actor RequestedBy,
    [property: Id(5)] string? RequestKey = null);
