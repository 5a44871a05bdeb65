using OrleansMlops.Abstractions.Models;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Grains.Models;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// An environment's and a model version's history is appended to their audit streams; their stored states do not grow
/// with it, and the registry row is stored with the version's state.
/// </summary>
public sealed class EnvironmentHistoryTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.Client.RegisterApprovedAsync("churn", 1);
        await _engine.Client.RegisterApprovedAsync("churn", 2);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IModelEnvironmentGrain Production => _engine.Client.GetGrain<IModelEnvironmentGrain>(new ModelEnvironmentKey("churn", "production").GrainKey);

    [Fact]
    public async Task Two_hundred_deployments_leave_the_state_row_as_small_as_a_hundred_and_twenty_and_every_view_lists_them_all_once_after_a_crash()
    {
        // By then the release stack and the latest entries are as deep as they get.
        await Deploy(from: 1, count: 120);
        var before = await _engine.PayloadLength(Production, "environment");
        var versionBefore = await _engine.PayloadLength(Version(2), "model");
        await Deploy(from: 121, count: 80);

        Assert.InRange(await _engine.PayloadLength(Production, "environment"), before - 16, before + 16);
        Assert.InRange(await _engine.PayloadLength(Version(2), "model"), versionBefore - 16, versionBefore + 16);
        var view = await Production.GetView();
        Assert.Equal(Enumerable.Range(1, 200).Select(RunId), view.History.Select(e => e.RunId));
        Assert.Equal((2, (int?)1), (view.LiveVersion, view.RollbackTarget));

        var version = (await Version(2).GetView())!;
        // Registered, validated, approved; deployed by each even run; replaced by each odd run after the first.
        Assert.Equal(3 + 100 + 99, version.History.Length);

        _engine = await _engine.CrashAndRestartAsync();
        Assert.Equal(view.History.AsEnumerable(), await Paged(limit: 64));
        Assert.Equal(version.History.AsEnumerable(), await PagedVersion(limit: 50));
        var listed = Assert.Single(await _engine.SiloService<IModelIndex>().SearchAsync(new ModelSearch(Name: "churn", Environment: "production"), CancellationToken.None));
        Assert.Equal((2, ModelLifecycle.Deployed), (listed.Version, listed.Lifecycle));
        Assert.Equal(view.History[^1], await Production.Deploy(Request(200)));
        Assert.Equal(200, (await Production.GetView()).History.Length);
        var stream = ModelEnvironmentGrain.AuditStream(new ModelEnvironmentKey("churn", "production"));
        var records = await _engine.SiloService<IAuditStore>().ReadAsync(stream, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.True(AuditChain.Verify(stream, records, records[^1].Sequence, records[^1].Hash).Valid);
    }

    [Fact]
    public async Task A_state_stored_with_its_history_inside_moves_the_history_to_the_stream_once_and_keeps_what_is_live()
    {
        var at = EngineCluster.Epoch;
        List<DeploymentEntry> history =
        [
            new(1, null, DeploymentKind.Deploy, "run-a", "dora", at, null),
            new(2, 1, DeploymentKind.Deploy, "run-b", "dora", at.AddHours(1), null),
            new(1, 2, DeploymentKind.Rollback, "run-c", "dora", at.AddHours(2), "INC-1"),
        ];
        await _engine.StoreStateAsync(Production, "environment", new ModelEnvironmentState { History = history });

        var migrated = await Production.GetView();
        _engine = await _engine.RestartAsync();
        var restarted = await Production.GetView();

        Assert.Equal(history, migrated.History.AsEnumerable());
        Assert.Equal(history, restarted.History.AsEnumerable());
        Assert.Equal((1, (int?)null), (restarted.LiveVersion, restarted.RollbackTarget));
        Assert.Equal(history[1], await Production.Deploy(Request("run-b", 2)));
        var stream = ModelEnvironmentGrain.AuditStream(new ModelEnvironmentKey("churn", "production"));
        Assert.Equal(3, (await _engine.SiloService<IAuditStore>().ReadAsync(stream, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_version_stored_with_its_history_inside_moves_it_to_the_stream_once_and_is_listed()
    {
        var registered = (await Version(1).GetView())!;
        var at = EngineCluster.Epoch.AddDays(-1);
        await _engine.StoreStateAsync(Version(3), "model", new ModelVersionState
        {
            View = registered with
            {
                Key = new ModelVersionKey("churn", 3),
                OwnerRunId = "run-old",
                Lifecycle = ModelLifecycle.Validated,
                History = [new(ModelLifecycle.Registered, "run-old", "alice", at, null), new(ModelLifecycle.Validated, "run-old", "vera", at.AddHours(1), null)],
            },
            Revision = 2,
        });

        var migrated = (await Version(3).GetView())!;
        _engine = await _engine.RestartAsync();
        var restarted = (await Version(3).GetView())!;

        Assert.Equal([ModelLifecycle.Registered, ModelLifecycle.Validated], restarted.History.Select(e => e.To));
        Assert.Equal(migrated.History.AsEnumerable(), restarted.History.AsEnumerable());
        Assert.Equal(ModelLifecycle.Approved, (await Version(3).MarkApproved("run-old", "bob")).Lifecycle);
        Assert.Equal(3, (await Version(3).GetView())!.History.Length);
        var stream = ModelVersionGrain.AuditStream(new ModelVersionKey("churn", 3));
        Assert.Equal(3, (await _engine.SiloService<IAuditStore>().ReadAsync(stream, CancellationToken.None)).Count);
        var listed = Assert.Single(await _engine.SiloService<IModelIndex>().SearchAsync(new ModelSearch(Name: "churn", Lifecycle: ModelLifecycle.Approved), CancellationToken.None), s => s.Version == 3);
        Assert.Equal("bob", listed.ApprovedBy);
    }

    private IModelVersionGrain Version(int version) => _engine.Client.GetGrain<IModelVersionGrain>(new ModelVersionKey("churn", version).GrainKey);

    private async Task<List<LifecycleEvent>> PagedVersion(int limit)
    {
        var all = new List<LifecycleEvent>();
        while (await Version(2).GetHistory(all.Count, limit) is { Length: > 0 } page)
        {
            all.AddRange(page);
        }

        return all;
    }

    private async Task Deploy(int from, int count)
    {
        foreach (var i in Enumerable.Range(from, count))
        {
            _setup.Clock.Advance(TimeSpan.FromMinutes(1));
            await Production.Deploy(Request(i));
        }
    }

    private async Task<List<DeploymentEntry>> Paged(int limit)
    {
        var all = new List<DeploymentEntry>();
        while (await Production.GetHistory(all.Count, limit) is { Length: > 0 } page)
        {
            all.AddRange(page);
        }

        return all;
    }

    private static string RunId(int i) => $"run-{i:D4}";

    private static DeploymentRequest Request(int i) => Request(RunId(i), 2 - (i % 2));

    private static DeploymentRequest Request(string runId, int version) => new(version, DeploymentKind.Deploy, runId, "dora", "release");
}
