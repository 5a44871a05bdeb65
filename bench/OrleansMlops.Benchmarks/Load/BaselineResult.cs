namespace OrleansMlops.Benchmarks.Load;

/// <summary>The raw baseline's figures: durable writes, how long they took, each call's latency as the client saw it.</summary>
internal sealed record BaselineResult(int Writes, TimeSpan Elapsed, LatencyDistribution CallLatency, DiskWrites DiskWrites, TimeSpan Cpu)
{
    public double WritesPerSecond => Writes / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerWrite => Cpu.TotalMicroseconds / Writes;
}
