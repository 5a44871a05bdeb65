using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Security;

/// <summary>Grants and revocations of someone else's roles: requested by one admin, decided by another.</summary>
public sealed partial class RoleDirectoryGrain
{
    public async Task<RoleRequest> RequestGrant(RoleGrantCommand command)
    {
        RequireAdmin(command.RequestedBy);
        if (command.RequestKey is { } key && S.RequestIdsByKey.TryGetValue(key, out var madeBefore))
        {
            var earlier = await FindRequest(madeBefore)
                ?? throw new InvalidOperationException($"Request key '{key}' names request {madeBefore}, which the audit stream does not hold.");
            return IsMadeBy(earlier, command)
                ? earlier
                : throw Invalid($"Request key '{key}' made request {earlier.RequestId} for another grant; use a new key for a new request.");
        }

        var principal = command.Principal?.Trim() ?? string.Empty;
        if (!PrincipalIds.IsValid(principal))
        {
            throw Invalid($"principal '{command.Principal}' must be 1 to {PrincipalIds.MaxLength} letters, digits, '.', '-', '_' or '@'.");
        }

        RequireKnownRole(command.Role);
        var reason = RequireReason(command.Reason);
        if (string.Equals(principal, command.RequestedBy.Id, StringComparison.Ordinal))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.SelfGrant, $"'{principal}' may not request a role for themselves; another admin must ask for it.");
        }

        if (Holds(principal, command.Role))
        {
            throw Invalid($"'{principal}' already holds {command.Role}.");
        }

        var unit = NullIfBlank(command.Unit);
        RequireNoUnitMove(principal, unit);
        var request = NewRequest(RoleRequestKind.Grant, principal, command.Role, unit, reason, command.RequestedBy);
        await Commit("role-requested", command.RequestedBy, $"{request.RequestedBy} asks to grant {request.Role} to {principal}", () =>
        {
            AddPending(request);
            if (command.RequestKey is { } requestKey)
            {
                S.RequestIdsByKey[requestKey] = request.RequestId;
            }

            return request;
        });
        return request;
    }

    private static bool IsMadeBy(RoleRequest request, RoleGrantCommand command) =>
        request.Kind == RoleRequestKind.Grant && request.Principal == command.Principal?.Trim() && request.Role == command.Role
        && request.Unit == NullIfBlank(command.Unit) && request.Reason == command.Reason?.Trim() && request.RequestedBy == command.RequestedBy.Id;

    public async Task<RoleRequest> RequestRevoke(string principalId, string role, Actor admin, string reason)
    {
        RequireAdmin(admin);
        var why = RequireReason(reason);
        if (string.Equals(principalId, admin.Id, StringComparison.Ordinal))
        {
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.SelfGrant, $"'{admin.Id}' may not ask for their own role to be revoked; they give {role} up themselves, at once.");
        }

        if (!Holds(principalId, role))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.NotFound, $"'{principalId}' does not hold {role}.");
        }

        if (role == Roles.Admin)
        {
            RequireAdminsRemainWithout(principalId, $"Revoking admin from '{principalId}'");
        }

        var request = NewRequest(RoleRequestKind.Revoke, principalId, role, null, why, admin);
        await Commit("revoke-requested", admin, $"{admin.Id} asks to revoke {role} from {principalId}", () =>
        {
            AddPending(request);
            return request;
        });
        return request;
    }

    public async Task<RoleRequest> Decide(string requestId, bool approve, Actor admin, string? comment)
    {
        RequireAdmin(admin);
        var request = (await FindRequest(requestId)
            ?? throw new RoleDirectoryException(RoleDirectoryErrorCode.NotFound, $"No role request has id '{requestId}'.")).AsOf(clock.UtcNow);
        if (request.Status == RoleRequestStatus.Lapsed)
        {
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.AlreadyDecided, $"Suspension '{requestId}' lapsed undecided at {request.LapsesAt:O}; '{request.Principal}' has their roles back.");
        }

        if (request.Status != RoleRequestStatus.Pending)
        {
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.AlreadyDecided, $"Role request '{requestId}' was already {request.Status.ToString().ToLowerInvariant()} by {request.DecidedBy}.");
        }

        if (string.Equals(admin.Id, request.Principal, StringComparison.Ordinal))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.SelfGrant, $"'{admin.Id}' may not decide a request about their own roles ('{requestId}').");
        }

        if (approve && string.Equals(admin.Id, request.RequestedBy, StringComparison.Ordinal))
        {
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.SecondAdminRequired, $"'{admin.Id}' requested '{requestId}'; a second admin must approve it.");
        }

        var (kind, summary, apply) = approve ? Approval(request, admin) : Rejection(request, admin);
        var decided = request with
        {
            Status = approve ? RoleRequestStatus.Approved : RoleRequestStatus.Rejected,
            DecidedBy = admin.Id,
            DecidedAt = clock.UtcNow,
            DecisionComment = NullIfBlank(comment),
        };
        await Commit(kind, admin, summary, () =>
        {
            S.Requests.RemoveAll(r => r.RequestId == requestId);
            return new { request = decided, changed = apply() };
        });
        return decided;
    }

    /// <summary>Checks an approval against the directory as it is now and returns the change to apply.</summary>
    private (string Kind, string Summary, Func<object?> Apply) Approval(RoleRequest request, Actor admin)
    {
        switch (request.Kind)
        {
            case RoleRequestKind.Grant:
                RequireNoUnitMove(request.Principal, request.Unit);
                return ("role-granted", $"{admin.Id} approves {request.Role} for {request.Principal}", () =>
                {
                    var entry = Entry(request.Principal);
                    entry.Roles.Add(request.Role);
                    entry.Unit ??= request.Unit;
                    return null;
                });
            case RoleRequestKind.Revoke:
                if (!Holds(request.Principal, request.Role))
                {
                    throw Invalid($"'{request.Principal}' no longer holds {request.Role}; reject '{request.RequestId}' instead.");
                }

                if (request.Role == Roles.Admin)
                {
                    RequireAdminsRemainWithout(request.Principal, $"Revoking admin from '{request.Principal}'");
                }

                return ("role-revoked", $"{admin.Id} approves revoking {request.Role} from {request.Principal}", () =>
                {
                    S.Principals[request.Principal].Roles.Remove(request.Role);
                    return null;
                });
            default:
                return ("suspension-confirmed", $"{admin.Id} confirms the suspension of {request.Principal}: every role is revoked", () =>
                {
                    var entry = S.Principals[request.Principal];
                    var revoked = entry.Roles.ToList();
                    entry.Roles.Clear();
                    EndSuspension(entry, request.RequestId);
                    return new { revoked };
                });
        }
    }

    private (string Kind, string Summary, Func<object?> Apply) Rejection(RoleRequest request, Actor admin) =>
        request.Kind == RoleRequestKind.Suspension
            ? ("suspension-lifted", $"{admin.Id} lifts the suspension of {request.Principal}: their roles are back", () =>
            {
                EndSuspension(S.Principals[request.Principal], request.RequestId);
                return null;
            })
            : ("role-request-rejected", $"{admin.Id} rejects the {request.Kind.ToString().ToLowerInvariant()} of {request.Role} for {request.Principal}", () => null);

    private RoleRequest NewRequest(RoleRequestKind kind, string principal, string role, string? unit, string reason, Actor requestedBy) =>
        new($"rr-{S.RequestsMade + 1:D5}", principal, role, unit, reason, requestedBy.Id, clock.UtcNow, RoleRequestStatus.Pending, null, null, null)
        {
            Kind = kind,
        };

    /// <summary>A grant never moves someone to another unit: that would, say, make a validator look independent of a team they sit in.</summary>
    private void RequireNoUnitMove(string principalId, string? unit)
    {
        if (unit is not null && S.Principals.TryGetValue(principalId, out var entry) && entry.Unit is { } current && current != unit)
        {
            throw Invalid($"'{principalId}' belongs to unit '{current}'; a role grant does not move anyone to another unit ('{unit}'). "
                + $"Ask without a unit, or with '{current}'.");
        }
    }
}
