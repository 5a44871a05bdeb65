namespace OrleansMlops.Benchmarks.Load;

/// <summary>What an open loop produced, how long until the last item finished, and the arrival rate it achieved.</summary>
internal sealed record OpenLoopResult<T>(T[] Results, TimeSpan Elapsed, double AchievedPerSecond);
