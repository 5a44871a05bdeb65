using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>The signed-in caller, their roles and what those allow, so a client shows only what will be accepted.</summary>
public sealed record Me(string Id, ImmutableArray<string> Roles, string? Unit, ImmutableArray<string> Permissions)
{
    public static Me Of(Actor actor) => new(
        actor.Id,
        actor.Roles,
        actor.Unit,
        [.. Enum.GetValues<Permission>().Where(p => RolePermissions.Allows(actor.Roles, p)).Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.ToString()))]);
}
