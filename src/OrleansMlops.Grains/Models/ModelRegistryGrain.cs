using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Models;

public sealed class ModelRegistryGrain(
    [PersistentState("registry")] IPersistentState<ModelRegistryState> state) : Grain, IModelRegistryGrain
{
    public async Task<int> AllocateVersion(string runId)
    {
        if (state.State.VersionByRun.TryGetValue(runId, out var existing))
        {
            return existing;
        }

        var version = state.State.VersionByRun.Count + 1;
        state.State.VersionByRun[runId] = version;
        await state.WriteStateAsync();
        return version;
    }

    public Task<IReadOnlyList<int>> ListVersions() =>
        Task.FromResult<IReadOnlyList<int>>([.. state.State.VersionByRun.Values.Order()]);
}
