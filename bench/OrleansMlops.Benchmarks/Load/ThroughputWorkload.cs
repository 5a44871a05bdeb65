using System.Collections.Immutable;
using System.Diagnostics;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Grains.Runs;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Workload A: releases of one approved model version through bench-release.bpmn, each a single Start call that drives
/// all four gated stages inside the run grain. Pass 1 is a closed loop at the chosen concurrency (peak throughput);
/// pass 2 an open loop whose runs arrive at half that peak rate (latency at half of peak load). A warm-up (JIT tiering, rule
/// compilation, first connections) runs before and is not counted.
/// </summary>
internal sealed class ThroughputWorkload(IGrainFactory grains, ModelVersionKey model, string label)
{
    public const string WorkflowId = "bench-release";

    private readonly ImmutableDictionary<string, Variable> _parameters = ImmutableDictionary<string, Variable>.Empty
        .Add(PipelineRunGrain.ModelParameter, Variable.Of(model.GrainKey))
        // AI-01 at enter:train: purpose and risk class declared, credit scoring of natural persons is high risk, profiling.
        .Add("purpose", Variable.Of("creditworthiness assessment of natural persons"))
        .Add("riskClass", Variable.Of("high"))
        .Add("profiling", Variable.Of("true"));

    public async Task<ThroughputResult> RunAsync(LoadOptions options, Action<string> progress)
    {
        if (options.WarmupRuns > 0)
        {
            progress($"{label}: warm-up, {options.WarmupRuns} runs, closed loop at concurrency {options.Concurrency} (not counted)");
            await ClosedLoop.RunAsync(options.WarmupRuns, options.Concurrency, i => Release($"warmup-{i:D7}"));
        }

        using var commits = new CommitMeter();
        progress($"{label}: pass 1, {options.Runs} runs, closed loop at concurrency {options.Concurrency}");
        var writes = DiskWrites.Capture();
        var cpu = ProcessCpu.Used();
        var committed = commits.Capture();
        var (peakSamples, peakElapsed) = await ClosedLoop.RunAsync(options.Runs, options.Concurrency, i => Release($"peak-{i:D7}"));
        var peak = PassResult.From(peakSamples, peakElapsed, DiskWrites.Capture() - writes, ProcessCpu.Used() - cpu, commits.Capture() - committed);

        var halfRate = peak.RunsPerSecond / 2;
        progress($"{label}: pass 2, {options.HalfLoadRuns} runs, open loop at {halfRate:0.0} runs/s (half of the peak {peak.RunsPerSecond:0.0})");
        writes = DiskWrites.Capture();
        cpu = ProcessCpu.Used();
        committed = commits.Capture();
        var half = await OpenLoop.RunAsync(options.HalfLoadRuns, halfRate, i => Release($"half-{i:D7}"));
        var halfLoad = PassResult.From(half.Results, half.Elapsed, DiskWrites.Capture() - writes, ProcessCpu.Used() - cpu, commits.Capture() - committed);
        return new ThroughputResult(peak, halfLoad, halfRate, half.AchievedPerSecond);
    }

    private async Task<RunSample> Release(string runId)
    {
        var request = new StartRunRequest(WorkflowId, null, _parameters, BenchPrincipals.Dora);
        var started = Stopwatch.GetTimestamp();
        var view = await grains.GetGrain<IPipelineRunGrain>(runId).Start(request);
        var call = Stopwatch.GetElapsedTime(started);
        return RunSample.Of(RunVerdict.Require(view, RunStatus.Completed), call);
    }
}
