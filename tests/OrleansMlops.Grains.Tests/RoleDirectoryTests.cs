using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Tests;

/// <summary>Role changes follow the four-eyes rule, nobody grants themselves, and every change is chained and survives a restart.</summary>
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
    public async Task Revocation_is_immediate_but_never_removes_the_last_admin_and_seeding_does_not_undo_it()
    {
        await Directory.Revoke("vera", Roles.Validator, Ada, "left the bank");
        await Directory.Revoke("adam", Roles.Admin, Ada, "moved to another team");
        var lastAdmin = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Revoke("ada", Roles.Admin, Ada, "leaving"));
        await Directory.Seed(Actors.Directory, "the test cluster");

        Assert.Empty((await Directory.Resolve("vera")).Roles);
        Assert.Contains("last admin", lastAdmin.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Authorize("vera", Permission.CompleteTask));
        Assert.Equal(RoleDirectoryErrorCode.NotPermitted, refused.Code);
    }

    [Fact]
    public async Task Every_change_is_chained_in_the_audit_trail_and_survives_a_restart()
    {
        var request = await Directory.RequestGrant(new RoleGrantCommand("erin", Roles.Validator, null, "joins validation", Ada));
        await Directory.Decide(request.RequestId, approve: true, Adam, null);
        await Directory.Revoke("erin", Roles.Validator, Adam, "moved");

        await _engine.DisposeAsync();
        _engine = await EngineCluster.StartAsync(_setup);
        var verification = await Directory.VerifyAudit();

        Assert.True(verification.Valid, string.Join("; ", verification.Problems));
        // Test cluster seed, test admins seed, request, grant, revocation; the restart's seed changes nothing new.
        Assert.Equal(5, verification.RecordCount);
        Assert.Empty((await Directory.Resolve("erin")).Roles);
        Assert.Equal(RoleRequestStatus.Approved, Assert.Single(await Directory.ListRequests(null)).Status);
    }

    private sealed class PrincipalComparer : IEqualityComparer<Principal>
    {
        public static readonly PrincipalComparer Instance = new();

        public bool Equals(Principal? x, Principal? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Unit == y.Unit && x.Roles.SequenceEqual(y.Roles);

        public int GetHashCode(Principal obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
