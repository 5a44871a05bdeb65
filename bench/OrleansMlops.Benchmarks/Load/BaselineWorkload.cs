using System.Diagnostics;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The raw baseline: as many grains as workload A has runs, each written as many times in a row as a run commits
/// transitions, driven by the same closed loop at the same concurrency. So it asks the storage for the same number of
/// durable writes in the same pattern, with none of the engine's work around them (gates, audit, projections) and a
/// state of a few bytes instead of a run's.
/// </summary>
internal sealed class BaselineWorkload(IGrainFactory grains)
{
    public async Task<BaselineResult> RunAsync(int grainCount, int writesPerGrain, int concurrency, int warmupGrains)
    {
        // Warmed up like the engine: as many grains as warm-up runs, each written as often as a run commits.
        await ClosedLoop.RunAsync(warmupGrains, concurrency, i => WriteGrain(-1 - i, writesPerGrain));

        var writes = DiskWrites.Capture();
        var cpu = ProcessCpu.Used();
        var (latencies, elapsed) = await ClosedLoop.RunAsync(grainCount, concurrency, i => WriteGrain(i, writesPerGrain));
        return new BaselineResult(
            grainCount * writesPerGrain,
            elapsed,
            LatencyDistribution.Of(latencies.SelectMany(l => l)),
            DiskWrites.Capture() - writes,
            ProcessCpu.Used() - cpu);
    }

    private async Task<double[]> WriteGrain(long key, int writes)
    {
        var grain = grains.GetGrain<IBaselineCounterGrain>(key);
        var latencies = new double[writes];
        for (var i = 0; i < writes; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var count = await grain.Increment();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (count != i + 1)
            {
                throw new LoadHarnessException($"Baseline grain {key} counted {count} after write {i + 1}.");
            }
        }

        return latencies;
    }
}
