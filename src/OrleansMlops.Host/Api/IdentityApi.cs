using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Api.Idempotency;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Who am I, who holds which role, and role changes as requests a second admin decides; only giving up one's own role
/// and suspending a compromised account take effect at once.
/// </summary>
public static class IdentityApi
{
    public static RouteGroupBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity").WithTags("Identity");
        group.MapGet("/me", (HttpRequest request) => TypedResults.Ok(Me.Of(Caller.Of(request)))).RequireSignedIn();
        group.MapPost("/me/roles/{role}/give-up", GiveUp).RequireSignedIn();
        group.MapGet("/principals", ListPrincipals).RequirePermission(Permission.ReadAudit);
        group.MapGet("/role-requests", ListRequests).RequirePermission(Permission.ReadAudit);
        group.MapPost("/role-requests", RequestGrant).RequirePermission(Permission.ManageRoles).Idempotent();
        group.MapPost("/role-requests/{requestId}/approve", Approve).RequirePermission(Permission.ManageRoles);
        group.MapPost("/role-requests/{requestId}/reject", Reject).RequirePermission(Permission.ManageRoles);
        group.MapPost("/principals/{principalId}/roles/{role}/revoke", RequestRevoke).RequirePermission(Permission.ManageRoles);
        group.MapPost("/principals/{principalId}/suspend", Suspend).RequirePermission(Permission.ManageRoles);
        group.MapGet("/audit", ReadAudit).RequirePermission(Permission.ReadAudit);
        group.MapGet("/audit/verify", (IGrainFactory grains) => Directory(grains).VerifyAudit()).RequirePermission(Permission.ReadAudit);
        return group;
    }

    private static async Task<Ok<ImmutableArray<Principal>>> ListPrincipals(IGrainFactory grains) =>
        TypedResults.Ok(await Directory(grains).ListPrincipals());

    private static async Task<Results<Ok<ImmutableArray<RoleRequest>>, ProblemHttpResult>> ListRequests(string? status, IGrainFactory grains)
    {
        RoleRequestStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RoleRequestStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.BadRequest($"status '{status}' is not one of {string.Join(", ", Enum.GetNames<RoleRequestStatus>())}.", "status");
            }

            wanted = parsed;
        }

        return TypedResults.Ok(await Directory(grains).ListRequests(wanted));
    }

    private static Task<Results<Created<RoleRequest>, ProblemHttpResult>> RequestGrant(RoleGrantBody body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () =>
        {
            var created = await Directory(grains).RequestGrant(
                new RoleGrantCommand(
                    body.Principal ?? string.Empty, body.Role ?? string.Empty, body.Unit, body.Reason ?? string.Empty, Caller.Of(request),
                    IdempotentEndpoint.ReservedId(request)));
            return TypedResults.Created($"/api/identity/role-requests/{created.RequestId}", created);
        });

    private static Task<Results<Ok<RoleRequest>, ProblemHttpResult>> Approve(string requestId, RoleDecisionBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () => TypedResults.Ok(await Directory(grains).Decide(requestId, approve: true, Caller.Of(request), body?.Comment)));

    private static Task<Results<Ok<RoleRequest>, ProblemHttpResult>> Reject(string requestId, RoleDecisionBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () => TypedResults.Ok(await Directory(grains).Decide(requestId, approve: false, Caller.Of(request), body?.Comment)));

    /// <summary>202: the role stays until a second admin approves the returned request.</summary>
    private static Task<Results<Accepted<RoleRequest>, ProblemHttpResult>> RequestRevoke(
        string principalId, string role, RoleDecisionBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () =>
        {
            var requested = await Directory(grains).RequestRevoke(principalId, role, Caller.Of(request), body?.Comment ?? string.Empty);
            return TypedResults.Accepted($"/api/identity/role-requests/{requested.RequestId}", requested);
        });

    private static Task<Results<Ok<Principal>, ProblemHttpResult>> GiveUp(string role, RoleDecisionBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () => TypedResults.Ok(await Directory(grains).GiveUp(role, Caller.Of(request), body?.Comment ?? string.Empty)));

    /// <summary>201: the suspension is in force; the request it returns is what a second admin confirms or lifts.</summary>
    private static Task<Results<Created<RoleRequest>, ProblemHttpResult>> Suspend(
        string principalId, RoleDecisionBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () =>
        {
            var suspension = await Directory(grains).Suspend(principalId, Caller.Of(request), body?.Comment ?? string.Empty);
            return TypedResults.Created($"/api/identity/role-requests/{suspension.RequestId}", suspension);
        });

    private static async Task<Ok<IReadOnlyList<AuditRecord>>> ReadAudit(IAuditStore audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ReadAsync(IRoleDirectoryGrain.AuditStream, cancellationToken));

    private static IRoleDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);
}
