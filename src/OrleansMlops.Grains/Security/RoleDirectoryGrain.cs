using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Security;

/// <summary>
/// The one place roles live. Changes follow the four-eyes rule (one admin requests, a different admin approves, nobody
/// for themselves) and each is persisted together with its sealed audit record before it is acknowledged.
/// </summary>
public sealed class RoleDirectoryGrain(
    [PersistentState("directory")] IPersistentState<RoleDirectoryState> state,
    IAuditStore auditStore,
    EngineClock clock,
    ILogger<RoleDirectoryGrain> logger) : Grain, IRoleDirectoryGrain
{
    private const int MaxReasonLength = 2_000;

    private RoleDirectoryState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => FlushAuditOutbox();

    public Task<Principal> Resolve(string principalId) => Task.FromResult(PrincipalOf(principalId));

    public Task<Actor> Authorize(string principalId, Permission permission)
    {
        var principal = PrincipalOf(principalId);
        if (!RolePermissions.Allows(principal.Roles, permission))
        {
            DirectoryLog.Refused(logger, principalId, permission.ToString(), string.Join(",", principal.Roles.DefaultIfEmpty("none")));
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.NotPermitted,
                $"'{principalId}' may not {Describe(permission)}: that needs one of the roles {string.Join(", ", RolePermissions.RolesFor(permission))}; "
                + $"'{principalId}' holds {string.Join(", ", principal.Roles.DefaultIfEmpty("none"))}.");
        }

        return Task.FromResult(principal.ToActor());
    }

    public async Task Seed(ImmutableArray<SeededPrincipal> principals, string source)
    {
        var granted = new List<object>();
        foreach (var seeded in principals)
        {
            foreach (var role in seeded.Roles)
            {
                RequireKnownRole(role);
                if (!S.Seeded.Add($"{seeded.Id} {role}"))
                {
                    continue;
                }

                var entry = Entry(seeded.Id);
                entry.Roles.Add(role);
                entry.Unit ??= seeded.Unit;
                granted.Add(new { principal = seeded.Id, role, unit = entry.Unit });
            }
        }

        if (granted.Count > 0)
        {
            await Commit("roles-seeded", Actor.System, $"{granted.Count} role(s) seeded from {source}", new { source, granted });
        }
    }

    public async Task<RoleRequest> RequestGrant(RoleGrantCommand command)
    {
        RequireAdmin(command.RequestedBy);
        if (command.RequestKey is { } key && S.RequestIdsByKey.TryGetValue(key, out var madeBefore))
        {
            var earlier = S.Requests.Single(r => r.RequestId == madeBefore);
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

        if (PrincipalOf(principal).Roles.Contains(command.Role, StringComparer.Ordinal))
        {
            throw Invalid($"'{principal}' already holds {command.Role}.");
        }

        var request = new RoleRequest(
            $"rr-{S.Requests.Count + 1:D5}", principal, command.Role, NullIfBlank(command.Unit), reason,
            command.RequestedBy.Id, clock.UtcNow, RoleRequestStatus.Pending, null, null, null);
        S.Requests.Add(request);
        if (command.RequestKey is { } requestKey)
        {
            S.RequestIdsByKey[requestKey] = request.RequestId;
        }

        await Commit("role-requested", command.RequestedBy, $"{request.RequestedBy} asks to grant {request.Role} to {principal}", request);
        return request;
    }

    public async Task<RoleRequest> Decide(string requestId, bool approve, Actor admin, string? comment)
    {
        RequireAdmin(admin);
        var index = S.Requests.FindIndex(r => r.RequestId == requestId);
        if (index < 0)
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.NotFound, $"No role request has id '{requestId}'.");
        }

        var request = S.Requests[index];
        if (request.Status != RoleRequestStatus.Pending)
        {
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.AlreadyDecided, $"Role request '{requestId}' was already {request.Status.ToString().ToLowerInvariant()} by {request.DecidedBy}.");
        }

        if (string.Equals(admin.Id, request.Principal, StringComparison.Ordinal))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.SelfGrant, $"'{admin.Id}' may not decide a request to grant a role to themselves.");
        }

        if (approve && string.Equals(admin.Id, request.RequestedBy, StringComparison.Ordinal))
        {
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.SecondAdminRequired, $"'{admin.Id}' requested '{requestId}'; a second admin must approve it.");
        }

        var decided = request with
        {
            Status = approve ? RoleRequestStatus.Approved : RoleRequestStatus.Rejected,
            DecidedBy = admin.Id,
            DecidedAt = clock.UtcNow,
            DecisionComment = NullIfBlank(comment),
        };
        S.Requests[index] = decided;
        if (approve)
        {
            var entry = Entry(request.Principal);
            entry.Roles.Add(request.Role);
            entry.Unit = request.Unit ?? entry.Unit;
        }

        var verb = approve ? "approves" : "rejects";
        await Commit(approve ? "role-granted" : "role-request-rejected", admin, $"{admin.Id} {verb} {request.Role} for {request.Principal}", decided);
        return decided;
    }

    public async Task<Principal> Revoke(string principalId, string role, Actor admin, string reason)
    {
        RequireAdmin(admin);
        var why = RequireReason(reason);
        if (!S.Principals.TryGetValue(principalId, out var entry) || !entry.Roles.Contains(role))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.NotFound, $"'{principalId}' does not hold {role}.");
        }

        if (role == Roles.Admin && S.Principals.Count(p => p.Value.Roles.Contains(Roles.Admin)) == 1)
        {
            throw Invalid($"'{principalId}' is the last admin; revoking it would leave nobody to manage roles.");
        }

        entry.Roles.Remove(role);
        await Commit("role-revoked", admin, $"{admin.Id} revokes {role} from {principalId}", new { principal = principalId, role, reason = why });
        return PrincipalOf(principalId);
    }

    public Task<ImmutableArray<Principal>> ListPrincipals() =>
        Task.FromResult(S.Principals.Keys.Order(StringComparer.Ordinal).Select(PrincipalOf).ToImmutableArray());

    public Task<ImmutableArray<RoleRequest>> ListRequests(RoleRequestStatus? status) =>
        Task.FromResult(S.Requests.Where(r => status is null || r.Status == status).ToImmutableArray());

    public async Task<AuditVerification> VerifyAudit()
    {
        await FlushAuditOutbox();
        var records = await auditStore.ReadAsync(IRoleDirectoryGrain.AuditStream, CancellationToken.None);
        return AuditChain.Verify(IRoleDirectoryGrain.AuditStream, records, S.AuditSequence, S.AuditHeadHash);
    }

    private Principal PrincipalOf(string principalId) =>
        S.Principals.TryGetValue(principalId, out var entry)
            ? new Principal(principalId, [.. entry.Roles], entry.Unit)
            : new Principal(principalId, [], null);

    private DirectoryEntry Entry(string principalId)
    {
        if (!S.Principals.TryGetValue(principalId, out var entry))
        {
            entry = new DirectoryEntry();
            S.Principals[principalId] = entry;
        }

        return entry;
    }

    /// <summary>Checks the acting admin against the directory, not against the roles the call claims.</summary>
    private void RequireAdmin(Actor admin)
    {
        if (!PrincipalOf(admin.Id).Roles.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            throw new RoleDirectoryException(RoleDirectoryErrorCode.NotPermitted, $"'{admin.Id}' is not an admin; only admins request or decide role changes.");
        }
    }

    private static void RequireKnownRole(string role)
    {
        if (!Roles.IsKnown(role))
        {
            throw Invalid($"role '{role}' is not one of {string.Join(", ", Roles.All)}.");
        }
    }

    private static string RequireReason(string? reason)
    {
        var trimmed = reason?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxReasonLength
            ? throw Invalid($"a reason is required (1 to {MaxReasonLength} characters): say why the change is needed.")
            : trimmed;
    }

    private static bool IsMadeBy(RoleRequest request, RoleGrantCommand command) =>
        request.Principal == command.Principal?.Trim() && request.Role == command.Role && request.Unit == NullIfBlank(command.Unit)
        && request.Reason == command.Reason?.Trim() && request.RequestedBy == command.RequestedBy.Id;

    private static RoleDirectoryException Invalid(string message) => new(RoleDirectoryErrorCode.InvalidRequest, message);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Describe(Permission permission) => permission switch
    {
        Permission.Read => "read",
        Permission.ReadAudit => "read audit trails",
        Permission.ReadPredictions => "read the prediction log",
        Permission.StartRun => "start runs",
        Permission.RetryRun => "retry runs",
        Permission.CompleteTask => "complete user tasks",
        Permission.PublishWorkflow => "publish workflows",
        Permission.ActivateRuleSet => "activate rule sets",
        Permission.TestRuleSet => "test or dry-run rule sets",
        Permission.Release => "promote, roll back or move aliases",
        Permission.TagModel => "tag model versions",
        Permission.ReportMonitoring => "report monitoring metrics",
        Permission.Predict => "ask for predictions",
        Permission.OverridePrediction => "override predictions",
        Permission.WorkExternalTasks => "work external tasks",
        Permission.ManageRoles => "manage roles",
        Permission.ViewClusterDashboard => "open the cluster dashboard",
        _ => permission.ToString(),
    };

    private async Task Commit(string kind, Actor actor, string summary, object details)
    {
        var sequence = S.AuditSequence + 1;
        var record = AuditChain.Seal(
            IRoleDirectoryGrain.AuditStream, sequence, kind, actor.Id, clock.UtcNow,
            AuditJson.Serialize(new { summary, details }), S.AuditHeadHash ?? AuditChain.GenesisHash);
        S.AuditOutbox.Add(record);
        S.AuditSequence = sequence;
        S.AuditHeadHash = record.Hash;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            DirectoryLog.PersistFailed(logger, e, kind);
            DeactivateOnIdle();
            throw;
        }

        DirectoryLog.Changed(logger, kind, summary, actor.Id);
        await FlushAuditOutbox();
    }

    private async Task FlushAuditOutbox()
    {
        if (await auditStore.TryFlushAsync(S.AuditOutbox) is { } e)
        {
            DirectoryLog.AuditAppendFailed(logger, e, S.AuditOutbox.Count);
        }
    }
}
