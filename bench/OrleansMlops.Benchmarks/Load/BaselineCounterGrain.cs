namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Increments a counter and writes it through Orleans' ADO.NET provider: the cost of one grain call plus one durable
/// state write, against which the engine's committed transitions are compared.
/// </summary>
public sealed class BaselineCounterGrain(
    [PersistentState("s", BaselineHost.StorageName)] IPersistentState<BaselineCounterState> state) : Grain, IBaselineCounterGrain
{
    public async Task<long> Increment()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }
}
