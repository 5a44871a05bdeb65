using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Security;

namespace OrleansMlops.Grains.Tests;

/// <summary>The directory's state keeps only pending requests; decided ones are read back from its audit stream.</summary>
public sealed class RoleDirectoryHistoryTests : IAsyncLifetime
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
    public async Task Three_hundred_decided_requests_leave_the_state_row_as_small_as_one_hundred_and_are_all_listed_once_after_a_crash()
    {
        await RequestAndReject(from: 1, count: 100);
        var before = await _engine.PayloadLength(Directory, "directory");
        await RequestAndReject(from: 101, count: 200);

        Assert.InRange(await _engine.PayloadLength(Directory, "directory"), before - 16, before + 16);
        _engine = await _engine.CrashAndRestartAsync();
        var listed = await Directory.ListRequests(status: null);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"rr-{i:D5}"), listed.Select(r => r.RequestId));
        Assert.All(listed, r => Assert.Equal((RoleRequestStatus.Rejected, "adam"), (r.Status, r.DecidedBy)));
        Assert.Empty(await Directory.ListRequests(RoleRequestStatus.Pending));
        var again = await Assert.ThrowsAsync<RoleDirectoryException>(() => Directory.Decide("rr-00007", approve: true, Adam, null));
        Assert.Equal(RoleDirectoryErrorCode.AlreadyDecided, again.Code);
        Assert.Equal("rr-00301", (await Directory.RequestGrant(Grant(301))).RequestId);
        Assert.True((await Directory.VerifyAudit()).Valid);
    }

    [Fact]
    public async Task A_state_stored_with_its_decided_requests_inside_keeps_the_pending_ones_and_lists_every_request_once()
    {
        var rejected = await Directory.Decide((await Directory.RequestGrant(Grant(1))).RequestId, approve: false, Adam, null);
        var pending = await Directory.RequestGrant(Grant(2));
        _engine = await _engine.RestartAsync();
        await _engine.RewriteStateAsync<RoleDirectoryState>(Directory, "directory", old =>
        {
            old.Requests = [rejected, pending];
            old.RequestsMade = 0;
        });

        var listed = await Directory.ListRequests(status: null);
        _engine = await _engine.RestartAsync();

        Assert.Equal([rejected, pending], listed.AsEnumerable());
        Assert.Equal([rejected, pending], (await Directory.ListRequests(status: null)).AsEnumerable());
        Assert.Equal("rr-00003", (await Directory.RequestGrant(Grant(3))).RequestId);
        Assert.Equal(RoleRequestStatus.Approved, (await Directory.Decide(pending.RequestId, approve: true, Adam, null)).Status);
        Assert.Equal(RoleRequestStatus.Approved, Assert.Single(await Directory.ListRequests(RoleRequestStatus.Approved)).Status);
    }

    private async Task RequestAndReject(int from, int count)
    {
        foreach (var i in Enumerable.Range(from, count))
        {
            var request = await Directory.RequestGrant(Grant(i));
            await Directory.Decide(request.RequestId, approve: false, Adam, "not this quarter");
        }
    }

    private static RoleGrantCommand Grant(int i) => new($"p{i:D4}", Roles.Validator, "model-validation", "joins validation", Ada);
}
