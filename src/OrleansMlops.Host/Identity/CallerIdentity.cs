using System.Collections.Immutable;
using OrleansMlops.Abstractions;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// The caller's identity from request headers. A stand-in until authentication lands: it names who acts so every
/// action is attributed and audited, but it does not prove it.
/// </summary>
public static class CallerIdentity
{
    public const string UserHeader = "X-Mlops-User";
    public const string RolesHeader = "X-Mlops-Roles";
    public const string UnitHeader = "X-Mlops-Unit";

    public static Actor? From(HttpRequest request)
    {
        var user = request.Headers[UserHeader].ToString().Trim();
        if (user.Length == 0)
        {
            return null;
        }

        var roles = request.Headers[RolesHeader].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToImmutableArray();
        var unit = request.Headers[UnitHeader].ToString().Trim();
        return new Actor(user, roles, unit.Length == 0 ? null : unit);
    }
}
