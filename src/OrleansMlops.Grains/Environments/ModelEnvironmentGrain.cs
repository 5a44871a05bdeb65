using System.Collections.Immutable;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Environments;

/// <summary>
/// What is live of one model in one environment. It records each deployment before telling the versions concerned
/// (the new one is deployed here, the replaced one no longer is); both calls are idempotent, so a run that repeats its
/// request after a crash completes them without a second history entry. Each entry is a record of the environment's
/// audit stream, committed with the state; the state keeps only the release stack and the latest entries.
/// </summary>
public sealed class ModelEnvironmentGrain(
    [DurableState("environment")] IDurableState<ModelEnvironmentState> state,
    IAuditStore auditStore,
    EngineClock clock) : Grain, IModelEnvironmentGrain
{
    /// <summary>
    /// How many entries the state keeps to acknowledge a repeated request: a run repeats its request right after a crash,
    /// not after this many other deployments of the same model to the same environment.
    /// </summary>
    internal const int RecentEntries = 32;

    private readonly List<AuditRecord> _sealed = [];

    /// <summary>The stream as read once per activation, extended by each committed change, so views do not read it again.</summary>
    private List<DeploymentEntry>? _history;

    private ModelEnvironmentState S => state.State;

    public static string AuditStream(ModelEnvironmentKey key) => $"environment:{key.GrainKey}";

    /// <summary>A state stored before the history moved to the audit stream appends it there, once, before any change.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (S.History.Count == 0)
        {
            return;
        }

        List<DeploymentEntry> stored = [.. S.History];
        S.History.Clear();
        foreach (var entry in stored)
        {
            Append(entry);
        }

        await state.CommitSealedAsync(_sealed);
    }

    public async Task<DeploymentEntry> Deploy(DeploymentRequest request)
    {
        var key = Key;
        var entry = S.Recent.FirstOrDefault(e => e.RunId == request.RunId && e.Version == request.Version);
        if (entry is null)
        {
            var (live, target) = ReleaseStack.Top(S.Releases);
            if (request.Kind == DeploymentKind.Rollback && request.Version != target)
            {
                throw new ModelVersionException(ModelVersionErrorCode.NotRollbackTarget, target is null
                    ? $"{key.Environment} has no earlier version of '{key.ModelName}' to roll back to."
                    : $"A rollback of '{key.ModelName}' in {key.Environment} returns to version {target}, not {request.Version}.");
            }

            await RequireDeployable(new ModelVersionKey(key.ModelName, request.Version));
            entry = new DeploymentEntry(request.Version, live, request.Kind, request.RunId, request.Actor, clock.UtcNow, request.Reason);
            Append(entry);
            await state.CommitSealedAsync(_sealed);
            _history?.Add(entry);
        }

        await Version(entry.Version).RecordDeployment(key.Environment, entry);
        if (entry.ReplacedVersion is { } replaced && replaced != entry.Version)
        {
            await Version(replaced).RecordRemoval(key.Environment, entry);
        }

        return entry;
    }

    public async Task<ModelEnvironmentView> GetView()
    {
        var (live, target) = ReleaseStack.Top(S.Releases);
        return new ModelEnvironmentView(Key.ModelName, Key.Environment, live, target, [.. await History()]);
    }

    public async Task<ImmutableArray<DeploymentEntry>> GetHistory(int after, int limit)
    {
        if (after < 0 || limit is < 1 or > IModelEnvironmentGrain.MaxHistoryPage)
        {
            throw new ModelVersionException(
                ModelVersionErrorCode.InvalidRequest, $"A history page starts at 0 or later and holds 1 to {IModelEnvironmentGrain.MaxHistoryPage} entries; got after {after}, limit {limit}.");
        }

        // One record per entry, numbered from 1: the first `after` entries are the records up to sequence `after`.
        return [.. await auditStore.ReadItemsAsync<DeploymentEntry>(AuditStream(Key), after, S.AuditSequence, limit)];
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

    private void Append(DeploymentEntry entry)
    {
        ReleaseStack.Apply(S.Releases, entry);
        S.Recent.Add(entry);
        if (S.Recent.Count > RecentEntries)
        {
            S.Recent.RemoveRange(0, S.Recent.Count - RecentEntries);
        }

        var kind = entry.Kind == DeploymentKind.Rollback ? "rolled-back" : "deployed";
        S.Chain(_sealed, AuditStream(Key), kind, entry.Actor, entry.At, entry);
    }

    private async Task<List<DeploymentEntry>> History()
    {
        if (_history is null)
        {
            var read = await auditStore.ReadAllItemsAsync<DeploymentEntry>(AuditStream(Key), S.AuditSequence, IModelEnvironmentGrain.MaxHistoryPage);
            _history ??= read;
        }

        return _history;
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
