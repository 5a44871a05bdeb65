using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Security;

/// <summary>
/// What takes effect at once, alone: giving up one's own role, and suspending a compromised account (which a second
/// admin then confirms or lifts, or which lapses). Neither may leave the directory unable to approve a grant.
/// </summary>
public sealed partial class RoleDirectoryGrain
{
    public async Task<Principal> GiveUp(string role, Actor self, string reason)
    {
        var why = RequireReason(reason);
        if (!Holds(self.Id, role))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.NotFound, $"'{self.Id}' does not hold {role}.");
        }

        if (role == Roles.Admin)
        {
            RequireAdminsRemainWithout(self.Id, $"'{self.Id}' giving up admin");
        }

        await Commit("role-given-up", self, $"{self.Id} gives up {role}", () =>
        {
            S.Principals[self.Id].Roles.Remove(role);
            return new { principal = self.Id, role, reason = why };
        });
        return PrincipalOf(self.Id);
    }

    public async Task<RoleRequest> Suspend(string principalId, Actor admin, string reason)
    {
        RequireAdmin(admin);
        var why = RequireReason(reason);
        if (string.Equals(principalId, admin.Id, StringComparison.Ordinal))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.SelfGrant, $"'{admin.Id}' may not suspend themselves; they give up their roles instead.");
        }

        if (!S.Principals.TryGetValue(principalId, out var entry) || entry.Roles.Count == 0)
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.NotFound, $"'{principalId}' holds no role to suspend.");
        }

        var now = clock.UtcNow;
        if (entry.IsSuspendedAt(now))
        {
            throw Invalid($"'{principalId}' is already suspended until {entry.SuspendedUntil:O} (role request {entry.SuspensionRequestId}); a second admin decides that one.");
        }

        RequireAdminsRemainWithout(principalId, $"Suspending '{principalId}'");
        var request = NewRequest(RoleRequestKind.Suspension, principalId, RoleRequest.AllRoles, null, why, admin) with
        {
            LapsesAt = now + options.Value.SuspensionLapsesAfter,
        };
        await Commit("principal-suspended", admin, $"{admin.Id} suspends {principalId} until {request.LapsesAt:O}", () =>
        {
            AddPending(request);
            entry.SuspensionRequestId = request.RequestId;
            entry.SuspendedUntil = request.LapsesAt;
            return new { request, suspendedRoles = entry.Roles.ToList() };
        });
        return request;
    }

    /// <summary>
    /// Refuses a change that stops <paramref name="principalId"/> acting as admin when fewer than
    /// <see cref="IRoleDirectoryGrain.MinimumActiveAdmins"/> unsuspended admins would remain: with fewer, nobody could
    /// approve a grant again, not even one that adds an admin.
    /// </summary>
    private void RequireAdminsRemainWithout(string principalId, string change)
    {
        var now = clock.UtcNow;
        var active = S.Principals
            .Where(p => p.Value.Roles.Contains(Roles.Admin) && !p.Value.IsSuspendedAt(now))
            .Select(p => p.Key)
            .ToList();
        if (!active.Contains(principalId, StringComparer.Ordinal))
        {
            return;
        }

        var remaining = active.Where(id => id != principalId).Order(StringComparer.Ordinal).ToList();
        if (remaining.Count < IRoleDirectoryGrain.MinimumActiveAdmins)
        {
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.TooFewAdmins,
                $"{change} would leave {remaining.Count} unsuspended admin(s) ({string.Join(", ", remaining.DefaultIfEmpty("none"))}); "
                + $"at least {IRoleDirectoryGrain.MinimumActiveAdmins} must remain so that one can request and another approve a grant. "
                + "Grant admin to someone else first.");
        }
    }

    /// <summary>Records, as of the next change, every suspension that lapsed undecided since the last one.</summary>
    private void SealLapsedSuspensions()
    {
        var now = clock.UtcNow;
        foreach (var (principalId, entry) in S.Principals.Where(p => p.Value.SuspensionRequestId is not null && !p.Value.IsSuspendedAt(now)).ToList())
        {
            var index = S.Requests.FindIndex(r => r.RequestId == entry.SuspensionRequestId);
            var lapsed = S.Requests[index].AsOf(now);
            S.Requests.RemoveAt(index);
            EndSuspension(entry, lapsed.RequestId);
            Seal("suspension-lapsed", Actor.System, $"the suspension of {principalId} lapsed undecided at {lapsed.LapsesAt:O}; their roles are back", lapsed);
        }
    }

    private static void EndSuspension(DirectoryEntry entry, string requestId)
    {
        if (entry.SuspensionRequestId == requestId)
        {
            entry.SuspensionRequestId = null;
            entry.SuspendedUntil = null;
        }
    }
}
