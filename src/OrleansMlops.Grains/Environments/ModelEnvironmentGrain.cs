using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Environments;

/// <summary>
/// What is live of one model in one environment. It records each deployment before telling the versions concerned
/// (the new one is deployed here, the replaced one no longer is); both calls are idempotent, so a run that repeats its
/// request after a crash completes them without a second history entry.
/// </summary>
public sealed class ModelEnvironmentGrain(
    [PersistentState("environment")] IPersistentState<ModelEnvironmentState> state,
    EngineClock clock) : Grain, IModelEnvironmentGrain
{
    public async Task<DeploymentEntry> Deploy(DeploymentRequest request)
    {
        var key = Key;
        var entry = state.State.History.FirstOrDefault(e => e.RunId == request.RunId && e.Version == request.Version);
        if (entry is null)
        {
            var (live, target) = ReleaseStack.Replay(state.State.History);
            if (request.Kind == DeploymentKind.Rollback && request.Version != target)
            {
                throw new ModelVersionException(ModelVersionErrorCode.NotRollbackTarget, target is null
                    ? $"{key.Environment} has no earlier version of '{key.ModelName}' to roll back to."
                    : $"A rollback of '{key.ModelName}' in {key.Environment} returns to version {target}, not {request.Version}.");
            }

            await RequireDeployable(new ModelVersionKey(key.ModelName, request.Version));
            entry = new DeploymentEntry(request.Version, live, request.Kind, request.RunId, request.Actor, clock.UtcNow, request.Reason);
            state.State.History.Add(entry);
            await state.WriteStateAsync();
        }

        await Version(entry.Version).RecordDeployment(key.Environment, entry);
        if (entry.ReplacedVersion is { } replaced && replaced != entry.Version)
        {
            await Version(replaced).RecordRemoval(key.Environment, entry);
        }

        return entry;
    }

    public Task<ModelEnvironmentView> GetView()
    {
        var (live, target) = ReleaseStack.Replay(state.State.History);
        return Task.FromResult(new ModelEnvironmentView(Key.ModelName, Key.Environment, live, target, [.. state.State.History]));
    }

    private ModelEnvironmentKey Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var slash = key.LastIndexOf('/');
            return new ModelEnvironmentKey(key[..slash], key[(slash + 1)..]);
        }
    }

    private async Task RequireDeployable(ModelVersionKey version)
    {
        var view = await Version(version.Version).GetView()
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {version} is not registered; it cannot go live in {Key.Environment}.");
        if (view.Lifecycle is not (ModelLifecycle.Approved or ModelLifecycle.Deployed))
        {
            throw new ModelVersionException(
                ModelVersionErrorCode.WrongLifecycle, $"Model version {version} is {view.Lifecycle}; only an approved version goes live ({Key.Environment}).");
        }
    }

    private IModelVersionGrain Version(int version) =>
        GrainFactory.GetGrain<IModelVersionGrain>(new ModelVersionKey(Key.ModelName, version).GrainKey);
}
