namespace OrleansMlops.Storage.Tests.Orleans;

[GenerateSerializer, Alias("storage-tests.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public string Note { get; set; } = "";
}
