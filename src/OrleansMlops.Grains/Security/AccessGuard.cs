using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Security;

/// <summary>
/// How grains check a caller: the grain API names who acts, the role directory says what that principal may do.
/// Roles a call claims are never trusted, so a service calling grains directly is held to the same table as HTTP.
/// </summary>
internal static class AccessGuard
{
    /// <summary>The engine's own marker role (timers, monitoring-triggered retraining); the directory never grants it.</summary>
    public const string EngineRole = "system";

    /// <summary>
    /// The caller as the directory knows them (roles and unit), when allowed <paramref name="permission"/>; throws
    /// <see cref="RoleDirectoryException"/> otherwise. The engine acting for itself passes unchanged.
    /// </summary>
    public static Task<Actor> Authorize(this IGrainFactory grains, Actor claimed, Permission permission) =>
        IsEngine(claimed)
            ? Task.FromResult(claimed)
            : grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).Authorize(claimed.Id, permission);

    /// <summary>The caller with the roles and unit the directory gives them (none if unknown).</summary>
    public static async Task<Actor> Resolve(this IGrainFactory grains, Actor claimed) =>
        IsEngine(claimed)
            ? claimed
            : (await grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).Resolve(claimed.Id)).ToActor();

    private static bool IsEngine(Actor actor) => actor.HasRole(EngineRole);
}
