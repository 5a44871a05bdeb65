namespace OrleansMlops.Benchmarks.Load;

/// <summary>Workload A on one engine configuration: the peak pass, the half-load pass and the arrival rate it asked for and got.</summary>
internal sealed record ThroughputResult(PassResult Peak, PassResult HalfLoad, double HalfLoadTargetRunsPerSecond, double HalfLoadAchievedRunsPerSecond);
