using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// Grants and revocations of someone else's roles follow the four-eyes rule, nobody decides their own, a grant never moves
/// anyone to another unit, and every change is chained and survives a restart.
/// </summary>
public sealed class RoleDirectoryTests : IAsyncLifetime
{
    private static readonly Actor Ada = new("ada", [], null);
    private static readonly Actor Adam = new("adam", [], null);

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
    public async Task A_grant_command_repeated_under_its_request_key_gets_the_request_it_made_and_asks_once()
    {
        var first = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Validator, "model-validation", "joins validation", Ada, "key-1"));

        var repeated = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Validator, "model-validation", "joins validation", Ada, "key-1"));
        var otherGrant = await Assert.ThrowsAsync<RoleDirectoryException>(
            () => Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Approver, null, "joins approvals", Ada, "key-1")));

        Assert.Equal(first, repeated);
        Assert.Equal(RoleDirectoryErrorCode.InvalidRequest, otherGrant.Code);
        Assert.Contains($"made request {first.RequestId} for another grant", otherGrant.Message, StringComparison.Ordinal);
        Assert.Single(await Directory.ListRequests(RoleRequestStatus.Pending), r => r.Principal == "erin");
    }

    [Fact]
    public async Task A_grant_takes_effect_only_when_a_second_admin_approves_it()
    {
        var request = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Validator, "model-validation", "joins validation", Ada));
        var beforeApproval = await Directory.Resolve("erin");
        var sameAdmin = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(request.RequestId, approve: true, Ada, null));

        var approved = await Directory.Decide(request.RequestId, approve: true, Adam, "ticket IAM-12");

        Assert.Empty(beforeApproval.Roles);
        Assert.Equal(RoleDirectoryErrorCode.SecondAdminRequired, sameAdmin.Code);
        Assert.Equal((RoleRequestStatus.Approved, "adam"), (approved.Status, approved.DecidedBy));
        Assert.Equal(new Principal("erin", [Roles.Validator], "model-validation"), await Directory.Resolve("erin"), PrincipalComparer.Instance);
        var again = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(request.RequestId, approve: false, Adam, null));
        Assert.Equal(RoleDirectoryErrorCode.AlreadyDecided, again.Code);
    }

    [Fact]
    public async Task Nobody_grants_a_role_to_themselves_and_only_admins_of_the_directory_manage_roles()
    {
        var selfRequest = await Assert.ThrowsAsync<RoleDirectoryException>(() =>
            Directory.RequestGrant(new RoleGrantCommand("ada", Roles.Approver, null, "I approve too", Ada)));
        var forAdam = await Directory.RequestGrant(new RoleGrantCommand("adam", Roles.Auditor, null, "audit duty", Ada));
        var selfApproval = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(forAdam.RequestId, approve: true, Adam, null));
        var claimedAdmin = await Assert.ThrowsAsync<RoleDirectoryException>(() =>
            Directory.RequestGrant(new RoleGrantCommand("mallory", Roles.Approver, null, "trust me", new Actor("mallory", [Roles.Admin], null))));
        var unknownRole = await Assert.ThrowsAsync<RoleDirectoryException>(() =>
            Directory.RequestGrant(new RoleGrantCommand("erin", "superuser", null, "why not", Ada)));

        Assert.Equal(RoleDirectoryErrorCode.SelfGrant, selfRequest.Code);
        Assert.Equal(RoleDirectoryErrorCode.SelfGrant, selfApproval.Code);
        Assert.Equal(RoleDirectoryErrorCode.NotPermitted, claimedAdmin.Code);
        Assert.Equal(RoleDirectoryErrorCode.InvalidRequest, unknownRole.Code);
        Assert.Equal([Roles.Admin], (await Directory.Resolve("adam")).Roles.AsEnumerable());
        Assert.Equal(RoleRequestStatus.Pending, Assert.Single(await Directory.ListRequests(RoleRequestStatus.Pending)).Status);
    }

    [Fact]
    public async Task Revoking_someone_elses_role_takes_effect_only_when_a_second_admin_approves_it()
    {
        var request = await Directory.RequestRevoke("vera", Roles.Validator, Ada, "left the bank");
        var beforeApproval = await Directory.Authorize("vera", Permission.CompleteTask);
        var sameAdmin = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(request.RequestId, approve: true, Ada, null));

        var approved = await Directory.Decide(request.RequestId, approve: true, Adam, "HR leaver list");

        Assert.Equal((RoleRequestKind.Revoke, RoleRequestStatus.Pending), (request.Kind, request.Status));
        Assert.Equal([Roles.Validator], beforeApproval.Roles.AsEnumerable());
        Assert.Equal(RoleDirectoryErrorCode.SecondAdminRequired, sameAdmin.Code);
        Assert.Equal((RoleRequestStatus.Approved, "adam"), (approved.Status, approved.DecidedBy));
        var refused = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Authorize("vera", Permission.CompleteTask));
        Assert.Equal(RoleDirectoryErrorCode.NotPermitted, refused.Code);
        Assert.Equal("model-validation", (await Directory.Resolve("vera")).Unit);
    }

    [Fact]
    public async Task A_rejected_revocation_leaves_the_role_and_a_revocation_approved_later_is_not_undone_by_seeding()
    {
        var rejected = await Directory.RequestRevoke("vera", Roles.Validator, Ada, "wrong person");
        await Directory.Decide(rejected.RequestId, approve: false, Adam, "she is still here");
        var stillHolds = await Directory.Resolve("vera");
        var approved = await Directory.RequestRevoke("vera", Roles.Validator, Adam, "left the bank");
        await Directory.Decide(approved.RequestId, approve: true, Ada, null);

        await Directory.Seed(Actors.Directory, "the test cluster");

        Assert.Equal([Roles.Validator], stillHolds.Roles.AsEnumerable());
        Assert.Empty((await Directory.Resolve("vera")).Roles);
    }

    [Fact]
    public async Task Anyone_gives_up_their_own_role_at_once_but_nobody_asks_for_their_own_revocation_or_revokes_what_is_not_held()
    {
        var gaveUp = await Directory.GiveUp(Roles.Validator, Actors.Vera, "moving to development");
        var ownRevocation = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.RequestRevoke("ada", Roles.Admin, Ada, "stepping down"));
        var notHeld = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.RequestRevoke("bob", Roles.Validator, Ada, "not his"));
        var noReason = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.GiveUp(Roles.Approver, Actors.Bob, " "));

        Assert.Empty(gaveUp.Roles);
        Assert.Equal(RoleDirectoryErrorCode.SelfGrant, ownRevocation.Code);
        Assert.Contains("give admin up themselves", ownRevocation.Message, StringComparison.Ordinal);
        Assert.Equal(RoleDirectoryErrorCode.NotFound, notHeld.Code);
        Assert.Equal(RoleDirectoryErrorCode.InvalidRequest, noReason.Code);
        Assert.Equal([Roles.Approver], (await Directory.Resolve("bob")).Roles.AsEnumerable());
        Assert.Empty(await Directory.ListRequests(null));
    }

    [Fact]
    public async Task A_grant_never_moves_a_person_to_another_unit_neither_when_asked_nor_when_approved()
    {
        var intoAnotherUnit = await Assert.ThrowsAsync<RoleDirectoryException>(() =>
            Directory.RequestGrant(new RoleGrantCommand("vera", Roles.Approver, "retail-credit-analytics", "covers approvals", Ada)));
        var validation = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Validator, "model-validation", "joins validation", Ada));
        var audit = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Auditor, "internal-audit", "joins audit", Ada));
        await Directory.Decide(validation.RequestId, approve: true, Adam, null);
        var approvedIntoAnotherUnit = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide(audit.RequestId, approve: true, Adam, null));
        var withoutUnit = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Auditor, null, "joins audit", Ada));
        await Directory.Decide(withoutUnit.RequestId, approve: true, Adam, null);

        Assert.Equal(RoleDirectoryErrorCode.InvalidRequest, intoAnotherUnit.Code);
        Assert.Contains("'vera' belongs to unit 'model-validation'", intoAnotherUnit.Message, StringComparison.Ordinal);
        Assert.Contains("'erin' belongs to unit 'model-validation'", approvedIntoAnotherUnit.Message, StringComparison.Ordinal);
        Assert.Equal(RoleRequestStatus.Pending, (await Directory.ListRequests(null)).Single(r => r.RequestId == audit.RequestId).Status);
        Assert.Equal(new Principal("erin", [Roles.Auditor, Roles.Validator], "model-validation"), await Directory.Resolve("erin"), PrincipalComparer.Instance);
        Assert.Equal(new Principal("vera", [Roles.Validator], "model-validation"), await Directory.Resolve("vera"), PrincipalComparer.Instance);
    }

    [Fact]
    public async Task Every_change_is_chained_in_the_audit_trail_and_survives_a_restart()
    {
        var request = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Validator, null, "joins validation", Ada));
        await Directory.Decide(request.RequestId, approve: true, Adam, null);
        var revocation = await Directory.RequestRevoke("erin", Roles.Validator, Adam, "moved");
        await Directory.Decide(revocation.RequestId, approve: true, Ada, null);
        await Directory.GiveUp(Roles.Approver, Actors.Bob, "retiring");

        await _engine.DisposeAsync();
        _engine = await EngineCluster.StartAsync(_setup);
        var verification = await Directory.VerifyAudit();

        Assert.True(verification.Valid, string.Join("; ", verification.Problems));
        // Test cluster seed, test admins seed, grant request and approval, revocation request and approval, giving up;
        // the restart's seed changes nothing new.
        Assert.Equal(7, verification.RecordCount);
        Assert.Empty((await Directory.Resolve("erin")).Roles);
        Assert.Empty((await Directory.Resolve("bob")).Roles);
        Assert.Equal(
            [(RoleRequestKind.Grant, RoleRequestStatus.Approved), (RoleRequestKind.Revoke, RoleRequestStatus.Approved)],
            (await Directory.ListRequests(null)).Select(r => (r.Kind, r.Status)));
    }

    internal sealed class PrincipalComparer : IEqualityComparer<Principal>
    {
        public static readonly PrincipalComparer Instance = new();

        public bool Equals(Principal? x, Principal? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Unit == y.Unit && x.Roles.SequenceEqual(y.Roles);

        public int GetHashCode(Principal obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
