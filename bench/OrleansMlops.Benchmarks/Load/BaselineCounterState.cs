namespace OrleansMlops.Benchmarks.Load;

[GenerateSerializer, Alias("bench.baseline-counter-state")]
public sealed class BaselineCounterState
{
    [Id(0)]
    public long Count { get; set; }
}
