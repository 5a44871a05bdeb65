namespace OrleansMlops.Abstractions.Security;

/// <summary>Asks for <paramref name="Role"/> to be granted to <paramref name="Principal"/> (in <paramref name="Unit"/>, if given).</summary>
[GenerateSerializer, Immutable, Alias("mlops.role-grant-command")]
public sealed record RoleGrantCommand(
    [property: Id(0)] string Principal,
    [property: Id(1)] string Role,
    [property: Id(2)] string? Unit,
    [property: Id(3)] string Reason,
    [property: Id(4)] Actor RequestedBy);
