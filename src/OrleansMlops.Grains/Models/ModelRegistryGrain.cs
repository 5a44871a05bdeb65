using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Security;

namespace OrleansMlops.Grains.Models;

/// <summary>
/// One registered model: allocates its version numbers (one per training run) and keeps its aliases. An alias only
/// names a version that passed approval, so "champion" can never point at something no second person signed off.
/// </summary>
public sealed class ModelRegistryGrain(
    [PersistentState("registry")] IPersistentState<ModelRegistryState> state,
    EngineClock clock,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain
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
        ModelLog.VersionAllocated(logger, ModelName, version, runId);
        return version;
    }

    public Task<IReadOnlyList<int>> ListVersions() =>
        Task.FromResult<IReadOnlyList<int>>([.. state.State.VersionByRun.Values.Order()]);

    public async Task<ModelAliasesView> SetAlias(string alias, int? version, string actor, string? reason)
    {
        if (!ModelAliases.IsValidName(alias))
        {
            throw new ModelVersionException(ModelVersionErrorCode.InvalidRequest, $"Alias '{alias}' is not a valid name: lowercase letters, digits and '-', starting with a letter, at most 32 characters.");
        }

        await GrainFactory.Authorize(new Actor(actor, [], null), Permission.Release);
        int? previous = state.State.Aliases.TryGetValue(alias, out var current) ? current : null;
        if (previous == version)
        {
            return View();
        }

        if (version is { } target)
        {
            var view = await GrainFactory.GetGrain<IModelVersionGrain>(new ModelVersionKey(ModelName, target).GrainKey).GetView()
                ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model '{ModelName}' has no version {target}; alias '{alias}' cannot name it.");
            if (view.Lifecycle is not (ModelLifecycle.Approved or ModelLifecycle.Deployed))
            {
                throw new ModelVersionException(ModelVersionErrorCode.WrongLifecycle, $"Version {target} of '{ModelName}' is {view.Lifecycle}; an alias names only an approved or released version.");
            }

            state.State.Aliases[alias] = target;
        }
        else
        {
            state.State.Aliases.Remove(alias);
        }

        state.State.AliasHistory.Add(new AliasChange(alias, version, previous, actor, clock.UtcNow, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        await state.WriteStateAsync();
        return View();
    }

    public Task<ModelAliasesView> GetAliases() => Task.FromResult(View());

    private string ModelName => this.GetPrimaryKeyString();

    private ModelAliasesView View() =>
        new(ModelName, state.State.Aliases.ToImmutableSortedDictionary(StringComparer.Ordinal), [.. state.State.AliasHistory]);
}
