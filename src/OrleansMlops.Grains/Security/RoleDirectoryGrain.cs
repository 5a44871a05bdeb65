using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Security;

/// <summary>
/// The one place roles live. Changes follow the four-eyes rule (one admin requests, a different admin approves, nobody
/// for themselves), never leave fewer than <see cref="IRoleDirectoryGrain.MinimumActiveAdmins"/> admins able to act,
/// and each is persisted together with its sealed audit record before it is acknowledged.
/// </summary>
public sealed partial class RoleDirectoryGrain(
    [DurableState("directory")] IDurableState<RoleDirectoryState> state,
    IAuditStore auditStore,
    EngineClock clock,
    IOptions<RoleDirectoryOptions> options,
    ILogger<RoleDirectoryGrain> logger) : Grain, IRoleDirectoryGrain
{
    private const int MaxReasonLength = 2_000;

    private readonly List<AuditRecord> _sealed = [];

    private RoleDirectoryState S => state.State;

    public Task<Principal> Resolve(string principalId) => Task.FromResult(PrincipalOf(principalId));

    public Task<Actor> Authorize(string principalId, Permission permission)
    {
        var principal = PrincipalOf(principalId);
        if (!RolePermissions.Allows(principal.Roles, permission))
        {
            DirectoryLog.Refused(logger, principalId, permission.ToString(), string.Join(",", principal.Roles.DefaultIfEmpty("none")));
            var holds = principal.Suspension is { } suspension
                ? $"'{principalId}' is suspended until {suspension.LapsesAt:O} (role request {suspension.RequestId}) and acts with no role."
                : $"'{principalId}' holds {string.Join(", ", principal.Roles.DefaultIfEmpty("none"))}.";
            throw new RoleDirectoryException(
                RoleDirectoryErrorCode.NotPermitted,
                $"'{principalId}' may not {Describe(permission)}: that needs one of the roles {string.Join(", ", RolePermissions.RolesFor(permission))}; {holds}");
        }

        return Task.FromResult(principal.ToActor());
    }

    public async Task Seed(ImmutableArray<SeededPrincipal> principals, string source)
    {
        foreach (var role in principals.SelectMany(p => p.Roles))
        {
            RequireKnownRole(role);
        }

        var unseeded = principals
            .SelectMany(p => p.Roles.Select(role => (Principal: p, Role: role)))
            .Where(pair => !S.Seeded.Contains(SeedKey(pair.Principal.Id, pair.Role)))
            .DistinctBy(pair => SeedKey(pair.Principal.Id, pair.Role))
            .ToList();
        if (unseeded.Count == 0)
        {
            return;
        }

        await Commit("roles-seeded", Actor.System, $"{unseeded.Count} role(s) seeded from {source}", () =>
        {
            var granted = new List<object>();
            foreach (var (seeded, role) in unseeded)
            {
                S.Seeded.Add(SeedKey(seeded.Id, role));
                var entry = Entry(seeded.Id);
                entry.Roles.Add(role);
                entry.Unit ??= seeded.Unit;
                granted.Add(new { principal = seeded.Id, role, unit = entry.Unit });
            }

            return new { source, granted };
        });
    }

    public Task<ImmutableArray<Principal>> ListPrincipals() =>
        Task.FromResult(S.Principals.Keys.Order(StringComparer.Ordinal).Select(PrincipalOf).ToImmutableArray());

    public async Task<ImmutableArray<RoleRequest>> ListRequests(RoleRequestStatus? status)
    {
        var requests = await AllRequests();
        var now = clock.UtcNow;
        return [.. requests.Select(r => r.AsOf(now)).Where(r => status is null || r.Status == status)];
    }

    public async Task<AuditVerification> VerifyAudit()
    {
        return await S.VerifyAsync(auditStore, IRoleDirectoryGrain.AuditStream);
    }

    /// <summary>The principal as it may act now: a suspended one keeps its roles in the directory but acts with none.</summary>
    private Principal PrincipalOf(string principalId)
    {
        if (!S.Principals.TryGetValue(principalId, out var entry))
        {
            return new Principal(principalId, [], null);
        }

        ImmutableArray<string> held = [.. entry.Roles];
        return entry.IsSuspendedAt(clock.UtcNow)
            ? new Principal(principalId, [], entry.Unit) { Suspension = new PrincipalSuspension(entry.SuspensionRequestId!, entry.SuspendedUntil!.Value, held) }
            : new Principal(principalId, held, entry.Unit);
    }

    private bool Holds(string principalId, string role) =>
        S.Principals.TryGetValue(principalId, out var entry) && entry.Roles.Contains(role);

    private DirectoryEntry Entry(string principalId)
    {
        if (!S.Principals.TryGetValue(principalId, out var entry))
        {
            entry = new DirectoryEntry();
            S.Principals[principalId] = entry;
        }

        return entry;
    }

    private static string SeedKey(string principalId, string role) => $"{principalId} {role}";

    /// <summary>Checks the acting admin against the directory, not against the roles the call claims.</summary>
    private void RequireAdmin(Actor admin)
    {
        var principal = PrincipalOf(admin.Id);
        if (!principal.Roles.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            var why = principal.Suspension is null ? "is not an admin" : "is suspended";
            throw new RoleDirectoryException(RoleDirectoryErrorCode.NotPermitted, $"'{admin.Id}' {why}; only admins request or decide role changes.");
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

    /// <summary>
    /// Applies a change already validated, seals its audit record after those of any suspension that lapsed since the
    /// last change, and persists both before the change is acknowledged. <paramref name="apply"/> returns the details.
    /// </summary>
    private async Task Commit(string kind, Actor actor, string summary, Func<object> apply)
    {
        SealLapsedSuspensions();
        Seal(kind, actor, summary, apply());
        try
        {
            await state.CommitSealedAsync(_sealed);
        }
        catch (Exception e)
        {
            DirectoryLog.PersistFailed(logger, e, kind);
            throw;
        }

        DirectoryLog.Changed(logger, kind, summary, actor.Id);
    }

    private void Seal(string kind, Actor actor, string summary, object details) =>
        S.Chain(_sealed, IRoleDirectoryGrain.AuditStream, kind, actor.Id, clock.UtcNow, new { summary, details });
}
