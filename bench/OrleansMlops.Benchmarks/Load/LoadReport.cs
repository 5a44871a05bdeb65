using System.Globalization;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Prints the harness's table (Markdown, so it can be pasted into an issue): the machine, the configuration, then every
/// figure of both workloads. bench/README.md explains each row.
/// </summary>
internal sealed class LoadReport(TextWriter output)
{
    /// <summary>The target of issue [8-performance]: p99 transition latency under 20 ms at half of peak load.</summary>
    private const double HalfLoadP99TargetMs = 20;

    private const string None = "—";

    public void Write(
        MachineInfo machine,
        LoadOptions options,
        Measured<ThroughputResult> sqlite,
        Measured<ThroughputResult> perWrite,
        Measured<ThroughputResult> memory,
        Measured<BaselineResult> baseline,
        Measured<WaitingResult>? waiting,
        TimeSpan elapsed)
    {
        Line("# OrleansMlops load harness");
        Line();
        Line($"- Machine: {machine.Cores} cores, {machine.Cpu}; {machine.OperatingSystem}; {machine.Runtime}; GC {machine.GarbageCollector}");
        Line($"- Configuration: workload A after a warm-up of {options.WarmupRuns} runs (the baseline: as many grains), {options.Runs} runs closed loop at concurrency {options.Concurrency}, then {options.HalfLoadRuns} runs "
            + $"open loop at half the peak rate; workload B {(options.Waiting > 0 ? $"{options.Waiting} waiting runs at concurrency {options.Concurrency}" : "skipped")}; "
            + "SQLite journal_mode=WAL, synchronous=FULL; each configuration in a fresh silo and temporary directory, one after another in one process");
        Line($"- Harness wall time: {Duration(elapsed)}");
        WriteThroughput(options, [sqlite, perWrite, memory], baseline);
        Line();
        var peak = sqlite.Result.Peak;
        Line($"- {sqlite.Label} reaches {Percent(peak.TransitionsPerSecond, memory.Result.Peak.TransitionsPerSecond)} of {memory.Label}'s committed transitions/s, "
            + $"and {Ratio(peak.TransitionsPerSecond, perWrite.Result.Peak.TransitionsPerSecond)} those of {perWrite.Label}.");
        Line($"- {sqlite.Label} commits {Rate(peak.TransitionsPerSecond)} transitions/s against {Rate(baseline.Result.WritesPerSecond)} raw baseline writes/s: "
            + $"{Percent(peak.TransitionsPerSecond, baseline.Result.WritesPerSecond)} of the bare storage path.");
        Line("- Process memory accumulates over the configurations (one process); the working set seldom shrinks.");
        Footprint(sqlite, peak.TransitionsPerRun);
        Logs([.. new[] { sqlite, perWrite, memory }.Select(m => (m.Label, m.Log)), (baseline.Label, baseline.Log)]);
        if (waiting is not null)
        {
            WriteWaiting(waiting);
        }
    }

    private void WriteThroughput(LoadOptions options, Measured<ThroughputResult>[] engines, Measured<BaselineResult> baseline)
    {
        var first = engines[0].Result.Peak;
        var raw = baseline.Result;
        Line();
        Line("## Workload A: governed releases (bench-release.bpmn: train, validate, package, deploy; no-op stages; default rule packs)");
        Line();
        Line($"Per run: {first.TransitionsPerRun} committed transitions (run.started, then gate.allowed and stage.completed per stage; each is one "
            + $"durable write of the run's state with its audit record), {first.GateDecisionsPerRun} gate decisions evaluating {first.RulesPerRun} rules. "
            + "Transition latency is the interval between consecutive committed transitions of a run, from the run's history timestamps (real clock): "
            + "the previous commit's state write, audit append and projections, then the next gate or stage handler. Raw baseline: one grain call plus "
            + $"one state write through Orleans' ADO.NET provider, {options.Runs} grains written {first.TransitionsPerRun} times each; its rows are per call.");
        Line();
        Row(["figure", .. engines.Select(e => e.Label), baseline.Label]);
        Line($"|---|{string.Concat(Enumerable.Repeat("--:|", engines.Length + 1))}");
        Row(["grain state and reminders", .. engines.Select(e => e.Storage), baseline.Storage]);
        Row(["peak: runs/s (closed loop)", .. engines.Select(e => Rate(e.Result.Peak.RunsPerSecond)), None]);
        Row(["peak: committed transitions/s", .. engines.Select(e => Rate(e.Result.Peak.TransitionsPerSecond)), None]);
        Row(["peak: gate decisions/s", .. engines.Select(e => Rate(e.Result.Peak.GateDecisionsPerSecond)), None]);
        Row(["peak: durable writes/s (call + state write)", .. engines.Select(_ => None), Rate(raw.WritesPerSecond)]);
        Row(["peak: transition latency p50 / p99 ms (baseline: call)", .. engines.Select(e => P50P99(e.Result.Peak.TransitionLatency)), P50P99(raw.CallLatency)]);
        Row(["peak: run latency (Start call) p50 / p99 ms", .. engines.Select(e => P50P99(e.Result.Peak.RunLatency)), None]);
        Row(["peak: gate evaluation p50 / p99 ms", .. engines.Select(e => P50P99(e.Result.Peak.GateLatency)), None]);
        Row(["peak: process CPU per transition (baseline: per write)", .. engines.Select(e => Micros(e.Result.Peak.CpuMicrosecondsPerTransition)),
            Micros(raw.CpuMicrosecondsPerWrite)]);
        Row(["peak: bytes / write calls per transition (baseline: per write)", .. engines.Select(e => PerTransition(e.Result.Peak)),
            $"{Bytes(raw.DiskWrites.Bytes / (double)raw.Writes)} / {Number(raw.DiskWrites.Calls / (double)raw.Writes)}"]);
        Row(["peak: group commit: writes per transaction / transactions/s / writer busy", .. engines.Select(e => Commits(e.Result.Peak)), None]);
        Row(["half load: arrival rate target / achieved runs/s", .. engines.Select(e => HalfRate(e.Result)), None]);
        Row(["half load: transition latency p50 / p99 ms", .. engines.Select(e => P50P99(e.Result.HalfLoad.TransitionLatency)), None]);
        Row([$"half load: p99 transition latency < {HalfLoadP99TargetMs:0} ms", .. engines.Select(e => Target(e.Result)), None]);
        Row(["half load: run latency p50 / p99 ms", .. engines.Select(e => P50P99(e.Result.HalfLoad.RunLatency)), None]);
        Row(["half load: process CPU per transition", .. engines.Select(e => Micros(e.Result.HalfLoad.CpuMicrosecondsPerTransition)), None]);
        Common([.. engines.Select(Columns), Columns(baseline)]);
    }

    private void WriteWaiting(Measured<WaitingResult> measured)
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
        Logs([(measured.Label, measured.Log)]);
    }

    /// <summary>The rows every configuration has: database, process and machine at its end, the silo's log, wall time.</summary>
    private void Common<T>(params Measured<T>[] measured) => Common(measured.Select(Columns).ToArray());

    private static (DatabaseFiles Database, ProcessMemory Memory, int Threads, WarningLog Log, string LoadBefore, string LoadAfter, TimeSpan Elapsed)
        Columns<T>(Measured<T> m) => (m.Database, m.MemoryAfter, m.ThreadPoolThreads, m.Log, m.LoadBefore, m.LoadAfter, m.Elapsed);

    private void Common((DatabaseFiles Database, ProcessMemory Memory, int Threads, WarningLog Log, string LoadBefore, string LoadAfter, TimeSpan Elapsed)[] columns)
    {
        Row(["SQLite database at the end (file + WAL)", .. columns.Select(c => Files(c.Database))]);
        Row(["process at the end: GC heap / working set", .. columns.Select(c => Memory(c.Memory))]);
        Row(["thread pool threads at the end", .. columns.Select(c => Count(c.Threads))]);
        Row(["warnings / errors the silo logged", .. columns.Select(c => $"{c.Log.Warnings} / {c.Log.Errors}")]);
        Row(["machine load average (1 min) before / after", .. columns.Select(c => $"{c.LoadBefore} / {c.LoadAfter}")]);
        Row(["configuration wall time", .. columns.Select(c => Duration(c.Elapsed))]);
    }

    private void Footprint(Measured<ThroughputResult> measured, int transitionsPerRun)
    {
        if (measured.Footprint is not { } footprint)
        {
            return;
        }

        Line($"- What the writers of {measured.Label} left (rows; average payload; the run state is the final one, rewritten whole at each of its "
            + $"{transitionsPerRun} commits): "
            + string.Join("; ", footprint.Writers.Select(w => $"{w.Name} {Count(w.Rows)}{(w.AveragePayloadBytes is { } b ? $", {Bytes(b)}" : "")}")));
    }

    private void Logs(IEnumerable<(string Label, WarningLog Log)> logs)
    {
        foreach (var (label, log) in logs.Where(l => l.Log.Warnings + l.Log.Errors > 0))
        {
            Line($"- What the silo of {label} logged at warning or above, by category (count, first message):");
            foreach (var (category, count, first) in log.ByCategory)
            {
                Line($"  - {category} ×{count}: {Shorten(first)}");
            }
        }
    }

    private static string Shorten(string message) => message.Length <= 300 ? message : message[..300] + "…";

    private static string Target(ThroughputResult result)
    {
        var p99 = result.HalfLoad.TransitionLatency.Percentile(99);
        return p99 < HalfLoadP99TargetMs ? $"met ({Ms(p99)})" : $"NOT met ({Ms(p99)})";
    }

    private static string HalfRate(ThroughputResult result) => $"{Rate(result.HalfLoadTargetRunsPerSecond)} / {Rate(result.HalfLoadAchievedRunsPerSecond)}";

    private static string PerTransition(PassResult pass) => $"{Bytes(pass.WriteBytesPerTransition)} / {Number(pass.WriteCallsPerTransition)}";

    private static string Commits(PassResult pass) =>
        pass.Commits.Transactions == 0
            ? None
            : $"{Number(pass.Commits.Writes / (double)pass.Commits.Transactions)} / {Rate(pass.Commits.Transactions / pass.Elapsed.TotalSeconds)} / {pass.WriterBusy.ToString("0%", CultureInfo.InvariantCulture)}";

    private static string P50P99(LatencyDistribution latency) => $"{Ms(latency.Percentile(50))} / {Ms(latency.Percentile(99))}";

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Micros(double microseconds) => $"{microseconds.ToString("#,0", CultureInfo.InvariantCulture)} µs";

    private static string Rate(double perSecond) => perSecond.ToString(perSecond < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(double part, double whole) => (part / whole).ToString("0%", CultureInfo.InvariantCulture);

    private static string Ratio(double part, double whole) => (part / whole).ToString("0.0×", CultureInfo.InvariantCulture);

    private static string Files(DatabaseFiles files) => $"{ProcessMemory.Mb(files.MainBytes)} + {ProcessMemory.Mb(files.WalBytes)}";

    private static string Memory(ProcessMemory memory) => $"{ProcessMemory.Mb(memory.GcHeapBytes)} / {ProcessMemory.Mb(memory.WorkingSetBytes)}";

    private static string Bytes(double bytes) => bytes < 10_000
        ? $"{bytes.ToString("0", CultureInfo.InvariantCulture)} B"
        : $"{(bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture)} KB";

    private static string Duration(TimeSpan elapsed) => elapsed.TotalMinutes >= 1
        ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s"
        : $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private void Row(params string[] cells) => Line($"| {string.Join(" | ", cells)} |");

    private void Line(string text = "") => output.WriteLine(text);
}
