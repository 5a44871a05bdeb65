using OrleansMlops.Grains.Persistence;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>Keeps its state in the named "runs" grain storage.</summary>
public sealed class RunNoteGrain(
    [PersistentState("state", DurableStateAttribute.RunsStorageName)] IPersistentState<CounterState> state) : Grain, IRunNoteGrain
{
    public Task Write(string note)
    {
        state.State.Note = note;
        return state.WriteStateAsync();
    }

    public Task<string?> Read() => Task.FromResult(state.RecordExists ? state.State.Note : null);
}
