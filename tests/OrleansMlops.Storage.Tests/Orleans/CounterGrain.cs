using Orleans.Placement;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>Keeps its state in the default grain storage; placed at random so a multi-silo cluster spreads counters over its silos.</summary>
[RandomPlacementAttribute]
public sealed class CounterGrain([PersistentState("state")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> Increment(string note)
    {
        state.State.Value++;
        state.State.Note = note;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<CounterState> Get() => Task.FromResult(state.State);

    public Task Clear() => state.ClearStateAsync();

    public Task<string> Silo() => Task.FromResult(RuntimeIdentity);
}
