namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>Integer-keyed: Orleans stores its key with a NULL key extension.</summary>
[Alias("storage-tests.counter")]
public interface ICounterGrain : IGrainWithIntegerKey
{
    Task<int> Increment(string note);

    Task<CounterState> Get();

    Task Clear();

    /// <summary>Which silo hosts this activation.</summary>
    Task<string> Silo();
}
