using Microsoft.AspNetCore.Authorization;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Operations;

/// <summary>
/// The dashboard's guard, asked of the role directory on every request (page, script or data poll), so a revoked role
/// closes an open session at once.
/// </summary>
public sealed class ClusterDashboardPermission(IGrainFactory grains) : AuthorizationHandler<ClusterDashboardPermission.Requirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (context.User.FindFirst(CallerClaims.Subject)?.Value is not { Length: > 0 } subject)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).Authorize(subject, Permission.ViewClusterDashboard);
            context.Succeed(requirement);
        }
        catch (RoleDirectoryException refused) when (refused.Code == RoleDirectoryErrorCode.NotPermitted)
        {
            context.Fail(new AuthorizationFailureReason(this, refused.Message));
        }
    }

    public sealed class Requirement : IAuthorizationRequirement;
}
