using Microsoft.AspNetCore.Authentication;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Api;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// Every API endpoint's guard: 401 without a valid identity, 403 when the directory's roles do not grant the
/// endpoint's permission, both as ProblemDetails. The grains check again behind it.
/// </summary>
public static class PermissionFilter
{
    /// <summary>Requires a signed-in caller whose roles grant <paramref name="permission"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder => Require(builder, permission);

    /// <summary>Requires a signed-in caller, whatever their roles (e.g. "who am I").</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => Require(builder, null);

    private static TBuilder Require<TBuilder>(TBuilder builder, Permission? permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequiredPermission(permission));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var result = await http.AuthenticateAsync();
            if (!result.Succeeded || result.Principal.FindFirst(CallerClaims.Subject)?.Value is not { Length: > 0 } subject)
            {
                return ApiProblems.Unauthorized(result.Failure is null
                    ? "Sign in: send a bearer token (Authorization: Bearer …) or a service API key (X-Api-Key)."
                    : "The bearer token or API key was refused: it is invalid, expired or unknown.");
            }

            var directory = http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);
            try
            {
                Caller.Set(http, permission is { } needed ? await directory.Authorize(subject, needed) : (await directory.Resolve(subject)).ToActor());
            }
            catch (RoleDirectoryException refused) when (refused.Code == RoleDirectoryErrorCode.NotPermitted)
            {
                return ApiProblems.From(refused);
            }

            return await next(context);
        });
        return builder;
    }
}
