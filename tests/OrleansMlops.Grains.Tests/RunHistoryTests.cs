using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// A run's history and decisions live in the audit trail and the decision log, not in its state: the stored state stays
/// the same size however long the run, its view carries the latest transitions, and the whole history pages from the trail.
/// </summary>
public sealed class RunHistoryTests : IAsyncLifetime
{
    // What README promises: a view carries a run's latest 200 transitions and decisions.
    private const int ViewLimit = 200;

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("loop", Path.Combine(AppContext.BaseDirectory, "Bpmn", "loop.bpmn"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task A_long_run_stores_a_state_no_larger_than_a_short_one_and_pages_its_whole_history_from_the_audit_trail()
    {
        var shortRun = await Start("run-short", rounds: 3);
        var longRun = await Start("run-long", rounds: 150);
        Assert.Equal(RunStatus.Completed, shortRun.Status);
        Assert.Equal(RunStatus.Completed, longRun.Status);
        Assert.True(longRun.Version > ViewLimit, $"only {longRun.Version} transitions: the view would hold them all");

        // Only the counters' values differ between the two states.
        var shortState = await _engine.PayloadLength(_engine.Client.Run("run-short"), "run");
        var longState = await _engine.PayloadLength(_engine.Client.Run("run-long"), "run");
        Assert.InRange(longState, shortState - 16, shortState + 16);

        var view = await _engine.Client.Run("run-long").GetView();
        Assert.Equal(Enumerable.Range((int)view.Version - ViewLimit + 1, ViewLimit).Select(i => (long)i), view.History.Select(h => h.Sequence));
        Assert.Equal(150, view.Decisions.Length);
        Assert.All(view.Decisions, d => Assert.Empty(d.InputJson));

        List<HistoryEntry> paged = [];
        for (var page = await History(0); page.Length > 0; page = await History(paged[^1].Sequence))
        {
            paged.AddRange(page);
        }

        Assert.Equal(Enumerable.Range(1, (int)view.Version).Select(i => (long)i), paged.Select(h => h.Sequence));
        var records = await _engine.SiloService<IAuditStore>().ReadAsync("run-long", CancellationToken.None);
        Assert.Equal(records.Select(r => (r.Kind, r.Actor, r.At)), paged.Select(h => (h.Kind, h.Actor, h.At)));
        Assert.Equal(view.History[^1] with { Steps = [] }, paged[^1] with { Steps = [] });
        Assert.Equal(view.History[^1].Steps.AsEnumerable(), paged[^1].Steps.AsEnumerable());
        Assert.Equal(150, paged.Count(h => h.Kind == "stage.completed"));
        Assert.Contains(paged[0].Steps, s => s.NodeId == "start");
        Assert.Contains(paged.First(h => h.Kind == "stage.completed").Steps, s => s.NodeId == "count");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1_001)]
    [InlineData(-1, 10)]
    public async Task A_history_page_out_of_bounds_is_refused_saying_what_is_allowed(long after, int limit)
    {
        await Start("run-paged", rounds: 1);

        var refused = await Assert.ThrowsAsync<RunException>(() => _engine.Client.Run("run-paged").GetHistory(after, limit));

        Assert.Equal(RunErrorCode.InvalidRequest, refused.Code);
        Assert.Contains("limit from 1 to 1000", refused.Message, StringComparison.Ordinal);
    }

    private Task<ImmutableArray<HistoryEntry>> History(long after) => _engine.Client.Run("run-long").GetHistory(after, 64);

    private Task<RunView> Start(string runId, int rounds) =>
        _engine.Client.Run(runId).Start(new StartRunRequest(
            "loop", null, ImmutableDictionary<string, Variable>.Empty.Add("target", Variable.Of(rounds)), Actors.Alice));
}
