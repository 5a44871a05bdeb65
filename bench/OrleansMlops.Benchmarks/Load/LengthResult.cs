namespace OrleansMlops.Benchmarks.Load;

/// <summary>Workload C at one length: the runs of N transitions it measured, and the state the last one left.</summary>
internal sealed record LengthResult(int Length, PassResult Pass, long? FinalStateBytes);
