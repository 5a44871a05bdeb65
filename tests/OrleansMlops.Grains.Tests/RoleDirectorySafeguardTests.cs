using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// What one admin can do alone, at once: suspend a compromised account, which a second admin confirms or lifts or
/// which lapses; and what nobody can do: leave fewer than two admins able to approve a grant.
/// </summary>
public sealed class RoleDirectorySafeguardTests : IAsyncLifetime
{
    private static readonly Actor Ada = new("ada", [], null);
    private static readonly Actor Adam = new("adam", [], null);
    private static readonly Actor Abe = new("abe", [], null);

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await Directory.Seed([new SeededPrincipal("ada", [Roles.Admin], "security"), new SeededPrincipal("adam", [Roles.Admin], "security")], "test admins");
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IRoleDirectoryGrain Directory => _engine.Client.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);

    [Fact]
    public async Task With_two_admins_neither_revocation_nor_giving_up_nor_suspension_removes_one_and_nothing_is_stored()
    {
        var before = (await Directory.VerifyAudit()).RecordCount;

        var revocation = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.RequestRevoke("adam", Roles.Admin, Ada, "leaving"));
        var givingUp = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.GiveUp(Roles.Admin, Ada, "leaving"));
        var suspension = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Suspend("adam", Ada, "phished"));

        Assert.All([revocation, givingUp, suspension], refused => Assert.Equal(RoleDirectoryErrorCode.TooFewAdmins, refused.Code));
        Assert.Contains("would leave 1 unsuspended admin(s) (ada)", revocation.Message, StringComparison.Ordinal);
        Assert.Contains("'ada' giving up admin would leave 1 unsuspended admin(s) (adam)", givingUp.Message, StringComparison.Ordinal);
        Assert.Contains("Suspending 'adam'", suspension.Message, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], (await Directory.Resolve("ada")).Roles.AsEnumerable());
        Assert.Equal([Roles.Admin], (await Directory.Resolve("adam")).Roles.AsEnumerable());
        Assert.Empty(await Directory.ListRequests(null));
        Assert.Equal(before, (await Directory.VerifyAudit()).RecordCount);
    }

    [Fact]
    public async Task With_three_admins_one_may_be_suspended_but_then_nobody_gives_up_or_suspends_another_and_the_suspended_one_cannot_act()
    {
        await Directory.Seed([new SeededPrincipal("abe", [Roles.Admin], "security")], "a third admin");
        var revokeAbe = await Directory.RequestRevoke("abe", Roles.Admin, Ada, "moves to audit");
        var adamSuspended = await Directory.Suspend("adam", Abe, "laptop stolen");

        var approval = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(revokeAbe.RequestId, approve: true, Abe, null));
        var givingUp = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.GiveUp(Roles.Admin, Ada, "leaving"));
        var secondSuspension = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Suspend("abe", Ada, "suspicious"));
        var bySuspendedAdmin = await Assert.ThrowsAsync<RoleDirectoryException>(() =>
            Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Admin, null, "backup admin", Adam)));

        Assert.Equal(RoleDirectoryErrorCode.SelfGrant, approval.Code);
        Assert.Equal(RoleDirectoryErrorCode.TooFewAdmins, givingUp.Code);
        Assert.Equal(RoleDirectoryErrorCode.TooFewAdmins, secondSuspension.Code);
        Assert.Equal(RoleDirectoryErrorCode.NotPermitted, bySuspendedAdmin.Code);
        Assert.Contains("'adam' is suspended", bySuspendedAdmin.Message, StringComparison.Ordinal);

        // Lifting adam's suspension brings a third admin back, so abe's revocation can be approved, by adam.
        await Directory.Decide(adamSuspended.RequestId, approve: false, Ada, "laptop found");
        var revoked = await Directory.Decide(revokeAbe.RequestId, approve: true, Adam, null);
        var afterRevocation = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.GiveUp(Roles.Admin, Adam, "leaving"));

        Assert.Equal(RoleRequestStatus.Approved, revoked.Status);
        Assert.Empty((await Directory.Resolve("abe")).Roles);
        Assert.Equal(RoleDirectoryErrorCode.TooFewAdmins, afterRevocation.Code);
    }

    [Fact]
    public async Task An_approval_that_would_leave_fewer_than_two_admins_is_refused_even_though_the_request_was_not()
    {
        await Directory.Seed([new SeededPrincipal("abe", [Roles.Admin], "security")], "a third admin");
        var revokeAbe = await Directory.RequestRevoke("abe", Roles.Admin, Ada, "moves to audit");
        await Directory.Suspend("ada", Abe, "phished");

        var approval = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(revokeAbe.RequestId, approve: true, Adam, null));

        Assert.Equal(RoleDirectoryErrorCode.TooFewAdmins, approval.Code);
        Assert.Contains("Revoking admin from 'abe' would leave 1 unsuspended admin(s) (adam)", approval.Message, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], (await Directory.Resolve("abe")).Roles.AsEnumerable());
        Assert.Equal(RoleRequestStatus.Pending, (await Directory.ListRequests(null)).Single(r => r.RequestId == revokeAbe.RequestId).Status);
    }

    [Fact]
    public async Task A_suspension_stops_every_role_at_once_and_a_second_admin_confirming_it_revokes_them_for_good()
    {
        var suspension = await Directory.Suspend("mallory", Ada, "credentials posted on a forum");

        var refused = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Authorize("mallory", Permission.StartRun));
        var whileSuspended = await Directory.Resolve("mallory");
        var bySameAdmin = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(suspension.RequestId, approve: true, Ada, null));
        var twice = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Suspend("mallory", Adam, "again"));
        var confirmed = await Directory.Decide(suspension.RequestId, approve: true, Adam, "SOC ticket 4711");
        _engine.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal((RoleRequestKind.Suspension, RoleRequest.AllRoles), (suspension.Kind, suspension.Role));
        Assert.Equal(EngineCluster.Epoch + TimeSpan.FromHours(24), suspension.LapsesAt);
        Assert.Equal(RoleDirectoryErrorCode.NotPermitted, refused.Code);
        Assert.Contains("'mallory' is suspended until", refused.Message, StringComparison.Ordinal);
        Assert.Empty(whileSuspended.Roles);
        Assert.Equal([Roles.Approver, Roles.DataScientist, Roles.Validator], whileSuspended.Suspension!.HeldRoles.AsEnumerable());
        Assert.Equal(RoleDirectoryErrorCode.SecondAdminRequired, bySameAdmin.Code);
        Assert.Equal(RoleDirectoryErrorCode.InvalidRequest, twice.Code);
        Assert.Equal(RoleRequestStatus.Approved, confirmed.Status);
        var afterwards = await Directory.Resolve("mallory");
        Assert.Empty(afterwards.Roles);
        Assert.Null(afterwards.Suspension);
        Assert.Contains((await Audit()), r => r.Kind == "suspension-confirmed" && r.Actor == "adam");
    }

    [Fact]
    public async Task A_suspension_nobody_decides_lapses_after_the_configured_period_and_its_lapse_is_chained_with_the_next_change()
    {
        var suspension = await Directory.Suspend("vera", Ada, "unusual sign-in");
        _engine.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var justBefore = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Authorize("vera", Permission.CompleteTask));

        _engine.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterLapse = await Directory.Authorize("vera", Permission.CompleteTask);
        var listed = Assert.Single(await Directory.ListRequests(RoleRequestStatus.Lapsed));
        var lateConfirmation = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(suspension.RequestId, approve: true, Adam, null));
        await Directory.GiveUp(Roles.Approver, Actors.Bob, "retiring");

        Assert.Equal(RoleDirectoryErrorCode.NotPermitted, justBefore.Code);
        Assert.Equal([Roles.Validator], afterLapse.Roles.AsEnumerable());
        Assert.Equal((suspension.RequestId, suspension.LapsesAt), (listed.RequestId, listed.DecidedAt));
        Assert.Equal(RoleDirectoryErrorCode.AlreadyDecided, lateConfirmation.Code);
        Assert.Contains("lapsed undecided", lateConfirmation.Message, StringComparison.Ordinal);
        Assert.Equal(["principal-suspended", "suspension-lapsed", "role-given-up"], (await Audit()).Select(r => r.Kind).TakeLast(3));
        Assert.True((await Directory.VerifyAudit()).Valid);
        Assert.Equal(RoleRequestStatus.Lapsed, Assert.Single(await Directory.ListRequests(null)).Status);

        // Lapsed, vera may be suspended again; that suspension runs its own period.
        var again = await Directory.Suspend("vera", Adam, "another unusual sign-in");
        Assert.Equal(_engine.Clock.GetUtcNow() + TimeSpan.FromHours(24), again.LapsesAt);
        await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Authorize("vera", Permission.CompleteTask));
    }

    [Fact]
    public async Task A_second_admin_lifting_a_suspension_gives_the_roles_back_at_once_and_nobody_suspends_themselves()
    {
        var suspension = await Directory.Suspend("vera", Ada, "unusual sign-in");
        var self = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Suspend("ada", Ada, "testing"));

        var lifted = await Directory.Decide(suspension.RequestId, approve: false, Adam, "she was travelling");

        Assert.Equal(RoleDirectoryErrorCode.SelfGrant, self.Code);
        Assert.Equal(RoleRequestStatus.Rejected, lifted.Status);
        Assert.Equal([Roles.Validator], (await Directory.Authorize("vera", Permission.CompleteTask)).Roles.AsEnumerable());
        Assert.Contains((await Audit()), r => r.Kind == "suspension-lifted" && r.Actor == "adam");
    }

    private async Task<IReadOnlyList<Abstractions.Audit.AuditRecord>> Audit()
    {
        await Directory.VerifyAudit();
        return await _engine.SiloService<Storage.Audit.IAuditStore>().ReadAsync(IRoleDirectoryGrain.AuditStream, CancellationToken.None);
    }
}
