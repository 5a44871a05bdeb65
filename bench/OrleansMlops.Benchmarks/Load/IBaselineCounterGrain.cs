namespace OrleansMlops.Benchmarks.Load;

/// <summary>The raw baseline's grain: one call, one durable state write, nothing else.</summary>
[Alias("bench.IBaselineCounterGrain")]
public interface IBaselineCounterGrain : IGrainWithIntegerKey
{
    [Alias("Increment")]
    Task<long> Increment();
}
