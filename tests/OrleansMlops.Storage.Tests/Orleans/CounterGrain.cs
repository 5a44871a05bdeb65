namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>Keeps its state in the default grain storage.</summary>
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
}
