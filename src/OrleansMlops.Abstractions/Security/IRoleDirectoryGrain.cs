using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OrleansMlops.Abstractions.Security;

/// <summary>
/// Who holds which role (key: <see cref="Key"/>). Roles come from here, never from what a caller claims: a token or API
/// key proves who is calling, the directory says what they may do. Every change to someone's roles is a request one
/// admin makes and a different admin approves, never for themselves; only giving up one's own role and suspending a
/// compromised account take effect at once. No change may leave fewer than <see cref="MinimumActiveAdmins"/> admins
/// able to act, and every change is chained into the directory's audit trail.
/// Every API request asks it, so the reads are <see cref="ReadOnlyAttribute"/>: they interleave with one another.
/// </summary>
[Alias("mlops.IRoleDirectoryGrain")]
public interface IRoleDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary>The audit stream the directory's changes are chained into.</summary>
    public const string AuditStream = "security:role-directory";

    /// <summary>A requester and a different approver: fewer admins than this could never approve a grant again.</summary>
    public const int MinimumActiveAdmins = 2;

    /// <summary>The principal as the directory knows it; a principal it has never heard of holds no roles.</summary>
    [Alias("Resolve"), ReadOnly]
    Task<Principal> Resolve(string principalId);

    /// <summary>
    /// The caller with the roles the directory gives them, when those allow <paramref name="permission"/>; otherwise
    /// <see cref="RoleDirectoryException"/> with <see cref="RoleDirectoryErrorCode.NotPermitted"/>.
    /// </summary>
    [Alias("Authorize"), ReadOnly]
    Task<Actor> Authorize(string principalId, Permission permission);

    /// <summary>Grants configured roles not seeded before (a role an admin revoked since stays revoked).</summary>
    [Alias("Seed")]
    Task Seed(ImmutableArray<SeededPrincipal> principals, string source);

    [Alias("RequestGrant")]
    Task<RoleRequest> RequestGrant(RoleGrantCommand command);

    /// <summary>Approves or rejects a pending request of any kind; approving needs an admin other than the requester.</summary>
    [Alias("Decide")]
    Task<RoleRequest> Decide(string requestId, bool approve, Actor admin, string? comment);

    /// <summary>Asks for <paramref name="role"/> to be taken from someone else; it stays theirs until a second admin approves.</summary>
    [Alias("RequestRevoke")]
    Task<RoleRequest> RequestRevoke(string principalId, string role, Actor admin, string reason);

    /// <summary>The caller gives up a role of their own, at once and alone.</summary>
    [Alias("GiveUp")]
    Task<Principal> GiveUp(string role, Actor self, string reason);

    /// <summary>
    /// Stops every role of <paramref name="principalId"/> at once (a compromised account). The returned request is
    /// pending: a second admin approving it revokes the roles, rejecting it lifts the suspension, and undecided it lapses.
    /// </summary>
    [Alias("Suspend")]
    Task<RoleRequest> Suspend(string principalId, Actor admin, string reason);

    [Alias("ListPrincipals"), ReadOnly]
    Task<ImmutableArray<Principal>> ListPrincipals();

    /// <summary>Checks the directory's audit chain in the audit table against the head the directory recorded.</summary>
    [Alias("VerifyAudit")]
    Task<Audit.AuditVerification> VerifyAudit();

    [Alias("ListRequests"), ReadOnly]
    Task<ImmutableArray<RoleRequest>> ListRequests(RoleRequestStatus? status);
}
