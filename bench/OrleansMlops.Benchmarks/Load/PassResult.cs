namespace OrleansMlops.Benchmarks.Load;

/// <summary>The figures of one pass of workload A: its runs, how long it took, and the latency distributions.</summary>
internal sealed record PassResult(
    int Runs,
    TimeSpan Elapsed,
    int TransitionsPerRun,
    int GateDecisionsPerRun,
    int RulesPerRun,
    LatencyDistribution RunLatency,
    LatencyDistribution TransitionLatency,
    LatencyDistribution GateLatency,
    DiskWrites Writes,
    TimeSpan Cpu,
    CommitTotals Commits)
{
    public double RunsPerSecond => Runs / Elapsed.TotalSeconds;

    public double TransitionsPerSecond => Runs * (double)TransitionsPerRun / Elapsed.TotalSeconds;

    public double GateDecisionsPerSecond => Runs * (double)GateDecisionsPerRun / Elapsed.TotalSeconds;

    public double WriteBytesPerTransition => Writes.Bytes / (Runs * (double)TransitionsPerRun);

    public double WriteCallsPerTransition => Writes.Calls / (Runs * (double)TransitionsPerRun);

    /// <summary>The group-commit writer's share of the pass's wall time (1: it never waited for work).</summary>
    public double WriterBusy => Commits.BusyMilliseconds / Elapsed.TotalMilliseconds;

    /// <summary>Process CPU time per committed transition, in microseconds (the silo and the harness's own callers).</summary>
    public double CpuMicrosecondsPerTransition => Cpu.TotalMicroseconds / (Runs * (double)TransitionsPerRun);

    /// <summary>The pass's figures; every run of the workflow commits the same transitions, or the harness refuses.</summary>
    public static PassResult From(IReadOnlyList<RunSample> samples, TimeSpan elapsed, DiskWrites writes, TimeSpan cpu, CommitTotals commits)
    {
        var shapes = samples.Select(s => (s.Transitions, s.GateDecisions, s.RulesEvaluated)).Distinct().ToArray();
        if (shapes.Length != 1)
        {
            throw new LoadHarnessException(
                $"Runs of one workflow committed different numbers of transitions, gate decisions or rules: {string.Join(", ", shapes)}.");
        }

        return new PassResult(
            samples.Count,
            elapsed,
            shapes[0].Transitions,
            shapes[0].GateDecisions,
            shapes[0].RulesEvaluated,
            LatencyDistribution.Of(samples.Select(s => s.CallMs)),
            LatencyDistribution.Of(samples.SelectMany(s => s.TransitionIntervalsMs)),
            LatencyDistribution.Of(samples.SelectMany(s => s.GateEvaluationsMs)),
            writes,
            cpu,
            commits);
    }
}
