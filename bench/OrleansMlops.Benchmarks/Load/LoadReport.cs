using System.Globalization;
using static OrleansMlops.Benchmarks.Load.ReportFormat;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Prints the harness's tables (Markdown, so they can be pasted into an issue): the machine and the configuration, then
/// each configuration's table as soon as it is measured (so a later failure or timeout loses nothing already measured),
/// then the comparisons between the configurations that completed. bench/README.md explains each row.
/// </summary>
internal sealed class LoadReport(TextWriter output)
{
    /// <summary>The target of issue [8-performance]: p99 transition latency under 20 ms at half of peak load.</summary>
    private const double HalfLoadP99TargetMs = 20;

    public void WriteHeader(MachineInfo machine, LoadOptions options)
    {
        Line("# OrleansMlops load harness");
        Line();
        Line($"- Machine: {machine.Cores} cores, {machine.Cpu}; {machine.OperatingSystem}; {machine.Runtime}; GC {machine.GarbageCollector}");
        var parts = new List<string>();
        if (options.RunsWorkload('A'))
        {
            parts.Add($"workload A after a warm-up of {options.WarmupRuns} runs (the baseline: as many grains), {options.Runs} runs closed loop at concurrency {options.Concurrency}, "
                + $"then {options.HalfLoadRuns} runs open loop at half the peak rate");
        }

        if (options.RunsWorkload('B'))
        {
            parts.Add($"workload B {(options.Waiting > 0 ? $"{options.Waiting} waiting runs at concurrency {options.Concurrency}" : "skipped")}");
        }

        if (options.RunsWorkload('C'))
        {
            parts.Add($"workload C lengths {string.Join(", ", options.Lengths.Select(l => Count(l)))}, about {Count(options.LengthTransitions)} transitions each");
        }

        Line($"- Configuration: {string.Join("; ", parts)}; SQLite journal_mode=WAL, synchronous=FULL; each configuration in a fresh silo and temporary directory, "
            + "one after another in one process");
        Flush();
    }

    public void WriteFailure(string label, Exception exception)
    {
        Line();
        Line($"## {label}: FAILED");
        Line();
        Line($"- {Reason(exception)}");
        Flush();
    }

    public void WriteEngine(Measured<ThroughputResult> measured)
    {
        var peak = measured.Result.Peak;
        var half = measured.Result.HalfLoad;
        Line();
        Line($"## Workload A: governed releases, {measured.Label}");
        Line();
        Line("bench-release.bpmn: train, validate, package, deploy; no-op stages; default rule packs. Transition latency is the interval between "
            + "consecutive committed transitions of a run, from the run's history timestamps (real clock).");
        Line();
        Row("figure", measured.Label);
        Line("|---|--:|");
        Row("grain state and reminders", measured.Storage);
        Row("per run: committed transitions / gate decisions / rules evaluated", $"{peak.TransitionsPerRun} / {peak.GateDecisionsPerRun} / {peak.RulesPerRun}");
        Row("peak: runs/s (closed loop)", Rate(peak.RunsPerSecond));
        Row("peak: committed transitions/s", Rate(peak.TransitionsPerSecond));
        Row("peak: gate decisions/s", Rate(peak.GateDecisionsPerSecond));
        Row("peak: transition latency p50 / p99 ms", P50P99(peak.TransitionLatency));
        Row("peak: run latency (Start call) p50 / p99 ms", P50P99(peak.RunLatency));
        Row("peak: gate evaluation p50 / p99 ms", P50P99(peak.GateLatency));
        Row("peak: process CPU per transition", Micros(peak.CpuMicrosecondsPerTransition));
        Row("peak: bytes / write calls per transition", PerTransition(peak));
        Row("peak: group commit: writes per transaction / transactions/s / writer busy", Commits(peak));
        Row("half load: arrival rate target / achieved runs/s", $"{Rate(measured.Result.HalfLoadTargetRunsPerSecond)} / {Rate(measured.Result.HalfLoadAchievedRunsPerSecond)}");
        Row("half load: transition latency p50 / p99 ms", P50P99(half.TransitionLatency));
        Row($"half load: p99 transition latency < {HalfLoadP99TargetMs:0} ms", Target(half));
        Row("half load: run latency p50 / p99 ms", P50P99(half.RunLatency));
        Row("half load: process CPU per transition", Micros(half.CpuMicrosecondsPerTransition));
        Common(measured);
        Footprint(measured, peak.TransitionsPerRun);
        Logs(measured.Label, measured.Log);
        Flush();
    }

    public void WriteBaseline(Measured<BaselineResult> measured, int writesPerGrain)
    {
        var raw = measured.Result;
        Line();
        Line($"## Workload A: {measured.Label}");
        Line();
        Line($"One grain call plus one state write through Orleans' ADO.NET provider, each grain written {writesPerGrain} times; the rows are per call.");
        Line();
        Row("figure", measured.Label);
        Line("|---|--:|");
        Row("grain state", measured.Storage);
        Row("peak: durable writes/s (call + state write)", Rate(raw.WritesPerSecond));
        Row("peak: call latency p50 / p99 ms", P50P99(raw.CallLatency));
        Row("peak: process CPU per write", Micros(raw.CpuMicrosecondsPerWrite));
        Row("peak: bytes / write calls per write", $"{Bytes(raw.DiskWrites.Bytes / (double)raw.Writes)} / {Number(raw.DiskWrites.Calls / (double)raw.Writes)}");
        Common(measured);
        Logs(measured.Label, measured.Log);
        Flush();
    }

    /// <summary>The ratios between workload A's configurations, of those that completed.</summary>
    public void WriteComparison(
        Measured<ThroughputResult>? sqlite, Measured<ThroughputResult>? memory, Measured<BaselineResult>? baseline)
    {
        if (sqlite is null)
        {
            return;
        }

        var peak = sqlite.Result.Peak;
        Line();
        Line("## Workload A: comparisons");
        Line();
        if (memory is not null)
        {
            Line($"- {sqlite.Label} reaches {Percent(peak.TransitionsPerSecond, memory.Result.Peak.TransitionsPerSecond)} of {memory.Label}'s committed transitions/s.");
        }

        if (baseline is not null)
        {
            Line($"- {sqlite.Label} commits {Rate(peak.TransitionsPerSecond)} transitions/s against {Rate(baseline.Result.WritesPerSecond)} raw baseline writes/s: "
                + $"{Percent(peak.TransitionsPerSecond, baseline.Result.WritesPerSecond)} of the bare storage path.");
        }

        Line("- Process memory accumulates over the configurations (one process); the working set seldom shrinks.");
        Flush();
    }

    public void WriteWaiting(Measured<WaitingResult> measured)
    {
        var w = measured.Result;
        Line();
        Line("## Workload B: runs waiting for a sign-off (bench-approval.bpmn: no-op stage, independent sign-off with a 48-hour escalation timer, no-op stage)");
        Line();
        Row("figure", measured.Label);
        Line("|---|--:|");
        Row("grain state and reminders", measured.Storage);
        Row("waiting runs", $"{w.Runs} ({w.TransitionsWhileWaiting} transitions each while waiting, {w.TransitionsPerRun} once completed)");
        Row("start: runs/s; call p50 / p99 ms", $"{Rate(w.StartsPerSecond)}; {P50P99(w.StartLatency)}");
        Row("run activations: all waiting, then after forced collection", $"{w.ActivationsWhileWaiting} then {w.ActivationsAfterCollection}");
        Row("process before the starts", w.BeforeStart.Describe());
        Row("process with every waiting run active", w.WhileActive.Describe());
        Row("process after every run was deactivated", w.AfterCollection.Describe());
        Row("managed heap per waiting run: active / deactivated", $"{Bytes(w.HeapBytesPerActiveRun)} / {Bytes(w.HeapBytesPerIdleRun)}");
        Row("SQLite database while waiting (file + WAL)", $"{Files(w.Database)}; {Bytes(w.Database.TotalBytes / (double)w.Runs)} per run");
        Row("reminders stored while waiting", Count(w.Reminders));
        Row("sign-off of all runs: time until all completed", $"{Duration(w.SignOffElapsed)} ({Rate(w.SignOffsPerSecond)} runs/s)");
        Row("sign-off call p50 / p99 ms (reactivation, gate, commits)", P50P99(w.SignOffLatency));
        Row("reminders left after every run completed", Count(w.RemindersAfterCompletion));
        Common(measured);
        Logs(measured.Label, measured.Log);
        Flush();
    }

    public void WriteEnd(TimeSpan elapsed, int failed)
    {
        Line();
        Line($"- Harness wall time: {Duration(elapsed)}{(failed > 0 ? $"; {failed} configuration(s) FAILED (see above)" : "")}");
        Flush();
    }

    /// <summary>The rows every configuration has: database, process and machine at its end, the silo's log, wall time.</summary>
    private void Common<T>(Measured<T> m)
    {
        Row("SQLite database at the end (file + WAL)", Files(m.Database));
        Row("process at the end: GC heap / working set", Memory(m.MemoryAfter));
        Row("thread pool threads at the end", Count(m.ThreadPoolThreads));
        Row("warnings / errors the silo logged", $"{m.Log.Warnings} / {m.Log.Errors}");
        Row("machine load average (1 min) before / after", $"{m.LoadBefore} / {m.LoadAfter}");
        Row("configuration wall time", Duration(m.Elapsed));
    }

    private void Footprint(Measured<ThroughputResult> measured, int transitionsPerRun)
    {
        if (measured.Footprint is not { } footprint)
        {
            return;
        }

        Line();
        Line($"- What the writers of {measured.Label} left (rows; average payload; the run state is the final one, rewritten whole at each of its "
            + $"{transitionsPerRun} commits): "
            + string.Join("; ", footprint.Writers.Select(w => $"{w.Name} {Count(w.Rows)}{(w.AveragePayloadBytes is { } b ? $", {Bytes(b)}" : "")}")));
    }

    /// <summary>What the silo logged at warning or above, by category (count, first message); nothing when it logged none.</summary>
    public void Logs(string label, WarningLog log)
    {
        if (log.Warnings + log.Errors == 0)
        {
            return;
        }

        Line();
        Line($"- What the silo of {label} logged at warning or above, by category (count, first message):");
        foreach (var (category, count, first) in log.ByCategory)
        {
            Line($"  - {category} ×{count}: {(first.Length <= 300 ? first : first[..300] + "…")}");
        }
    }

    private static string Target(PassResult half)
    {
        var p99 = half.TransitionLatency.Percentile(99);
        return p99 < HalfLoadP99TargetMs ? $"met ({Ms(p99)})" : $"NOT met ({Ms(p99)})";
    }

    private static string PerTransition(PassResult pass) => $"{Bytes(pass.WriteBytesPerTransition)} / {Number(pass.WriteCallsPerTransition)}";

    public static string Commits(PassResult pass) =>
        pass.Commits.Transactions == 0
            ? None
            : $"{Number(pass.Commits.Writes / (double)pass.Commits.Transactions)} / {Rate(pass.Commits.Transactions / pass.Elapsed.TotalSeconds)} / {pass.WriterBusy.ToString("0%", CultureInfo.InvariantCulture)}";

    public void Row(params string[] cells) => Line($"| {string.Join(" | ", cells)} |");

    public void Line(string text = "") => output.WriteLine(text);

    public void Flush() => output.Flush();
}
