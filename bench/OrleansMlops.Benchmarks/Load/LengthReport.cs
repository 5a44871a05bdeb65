using static OrleansMlops.Benchmarks.Load.ReportFormat;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Workload C's table, a row per length printed as soon as that length is measured (a later length that fails or
/// times out is a row of its own), then the longest length's figures over the shortest's.
/// </summary>
internal sealed class LengthReport(LoadReport report)
{
    private readonly List<LengthResult> _measured = [];

    public void Begin(LoadOptions options, string storage)
    {
        report.Line();
        report.Line("## Workload C: one run of N transitions (bench-loop.bpmn: a gated counting stage looped by an exclusive gateway)");
        report.Line();
        report.Line($"{storage}. Each length runs one run at a time, repeated until about {Count(options.LengthTransitions)} transitions are committed "
            + "(at least one run). A round is two committed transitions (gate.allowed, stage.completed), each a durable write of the run's whole state; "
            + "a run of N commits run.started and N more. Per transition: over every committed transition of the length's runs.");
        report.Line();
        report.Row("N", "runs", "gate decisions / rules per run", "run state at the end", "process CPU per transition", "bytes / write calls per transition", "transition latency p50 / p99 ms",
            "writes per group-commit transaction", "wall time");
        report.Line("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        report.Flush();
    }

    public void Write(LengthResult result)
    {
        _measured.Add(result);
        var pass = result.Pass;
        report.Row(
            Count(result.Length),
            Count(pass.Runs),
            $"{Count(pass.GateDecisionsPerRun)} / {Count(pass.RulesPerRun)}",
            result.FinalStateBytes is { } bytes ? Bytes(bytes) : None,
            Micros(pass.CpuMicrosecondsPerTransition),
            $"{Bytes(pass.WriteBytesPerTransition)} / {Number(pass.WriteCallsPerTransition)}",
            P50P99(pass.TransitionLatency),
            pass.Commits.Transactions == 0 ? None : Number(pass.Commits.Writes / (double)pass.Commits.Transactions),
            Duration(pass.Elapsed));
        report.Flush();
    }

    public void WriteFailure(int length, Exception exception)
    {
        report.Row(Count(length), $"FAILED: {Reason(exception)}", "", "", "", "", "", "", "");
        report.Flush();
    }

    public void End(Measured<int> measured)
    {
        report.Line();
        if (_measured.Count >= 2)
        {
            var shortest = _measured.MinBy(r => r.Length)!;
            var longest = _measured.MaxBy(r => r.Length)!;
            report.Line($"- N = {Count(longest.Length)} against N = {Count(shortest.Length)}, per transition: CPU "
                + $"{Ratio(longest.Pass.CpuMicrosecondsPerTransition, shortest.Pass.CpuMicrosecondsPerTransition)}, bytes written "
                + $"{Ratio(longest.Pass.WriteBytesPerTransition, shortest.Pass.WriteBytesPerTransition)}, latency p50 "
                + $"{Ratio(longest.Pass.TransitionLatency.Percentile(50), shortest.Pass.TransitionLatency.Percentile(50))} and p99 "
                + $"{Ratio(longest.Pass.TransitionLatency.Percentile(99), shortest.Pass.TransitionLatency.Percentile(99))}.");
        }

        report.Line($"- SQLite database at the end (file + WAL): {Files(measured.Database)}; process at the end (GC heap / working set): {Memory(measured.MemoryAfter)}; "
            + $"warnings / errors the silo logged: {measured.Log.Warnings} / {measured.Log.Errors}; machine load average (1 min) before / after: "
            + $"{measured.LoadBefore} / {measured.LoadAfter}; wall time {Duration(measured.Elapsed)}.");
        report.Logs(measured.Label, measured.Log);
        report.Flush();
    }
}
