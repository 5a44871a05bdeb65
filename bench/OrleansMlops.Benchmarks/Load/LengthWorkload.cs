using System.Collections.Immutable;
using System.Diagnostics;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Decisions;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Workload C: runs of bench-loop.bpmn that commit N transitions after their start, for each N asked, one run at a
/// time (so a transition's latency is its own work, with no queueing behind other runs). Short runs repeat until they
/// have committed about as many transitions as the budget, so every length is measured over enough work to read CPU
/// and bytes per transition. Shows whether a transition costs more the longer its run already is.
/// </summary>
internal sealed class LengthWorkload(EngineHost engine)
{
    public const string WorkflowId = "bench-loop";

    /// <summary>A run of N transitions can be one long call; Orleans' default 30 s response timeout would cut it.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(10);

    private int _runs;

    /// <summary>Runs of the shortest length, so the JIT has compiled the hot paths before the first length is measured.</summary>
    public async Task WarmUpAsync(int length, int transitions)
    {
        for (var i = 0; i < Math.Max(1, transitions / length); i++)
        {
            await LoopAsync(length);
        }
    }

    public async Task<LengthResult> MeasureAsync(int length, int transitionBudget)
    {
        var runs = Math.Max(1, transitionBudget / length);
        using var commits = new CommitMeter();
        var writes = DiskWrites.Capture();
        var cpu = ProcessCpu.Used();
        var committed = commits.Capture();
        var started = Stopwatch.GetTimestamp();
        var completed = new List<(string RunId, RunView View, TimeSpan Call)>(runs);
        for (var i = 0; i < runs; i++)
        {
            completed.Add(await LoopAsync(length));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var (written, used, transactions) = (DiskWrites.Capture() - writes, ProcessCpu.Used() - cpu, commits.Capture() - committed);
        var samples = new List<RunSample>(runs);
        foreach (var (runId, view, call) in completed)
        {
            samples.Add(await RunSample.OfAsync(engine.Grains.GetGrain<IPipelineRunGrain>(runId), engine.Service<IDecisionStore>(), view, call));
        }

        var lastRun = completed[^1].RunId;
        var pass = PassResult.From(samples, elapsed, written, used, transactions);
        if (pass.TransitionsPerRun != length + 1)
        {
            throw new LoadHarnessException($"A run asked for {length} transitions after its start committed {pass.TransitionsPerRun - 1}.");
        }

        return new LengthResult(length, pass, await FinalStateBytesAsync(lastRun));
    }

    /// <summary>One run of <paramref name="length"/> transitions after run.started: a round is a gate and a stage, two transitions.</summary>
    private async Task<(string RunId, RunView View, TimeSpan Call)> LoopAsync(int length)
    {
        var runId = $"length-{length}-{Interlocked.Increment(ref _runs):D7}";
        var parameters = ImmutableDictionary<string, Variable>.Empty.Add(CountingStage.TargetParameter, Variable.Of(length / 2));
        var started = Stopwatch.GetTimestamp();
        var view = await engine.Grains.GetGrain<IPipelineRunGrain>(runId).Start(new StartRunRequest(WorkflowId, null, parameters, BenchPrincipals.Dora));
        var call = Stopwatch.GetElapsedTime(started);
        return (runId, RunVerdict.Require(view, RunStatus.Completed), call);
    }

    /// <summary>The run's state as group commit stored it last: what each of its final commits wrote again, whole.</summary>
    private async Task<long?> FinalStateBytesAsync(string runId)
    {
        await using var connection = await DatabaseFiles.OpenReadOnlyAsync(engine.DatabasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(LENGTH(payload)) FROM grain_state WHERE grain_id LIKE '%/' || $run";
        command.Parameters.AddWithValue("$run", runId);
        return await command.ExecuteScalarAsync() is long bytes ? bytes : null;
    }
}
