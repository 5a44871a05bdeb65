namespace OrleansMlops.Host.Api;

/// <summary>Body of a role grant request: whom, which role, in which unit, and why.</summary>
public sealed record RoleGrantBody(string? Principal, string? Role, string? Unit, string? Reason);
