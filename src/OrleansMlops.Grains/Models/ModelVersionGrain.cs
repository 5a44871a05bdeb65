using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Grains.Security;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Models;

namespace OrleansMlops.Grains.Models;

/// <summary>
/// A model version's lifecycle. Only the run that registered the version may move it, one step at a time, and a
/// repeated step from that run (a retry after a crash) is acknowledged without being recorded twice. Validation (the
/// independent validator's sign-off) starts the review period: <see cref="ModelVersionView.RevalidationDueAt"/> is the
/// validation time plus <see cref="ModelRegistryOptions.RevalidationPeriod"/>. Each lifecycle event is a record of the
/// version's audit stream, and each change stores the state, its records and the version's registry row together.
/// </summary>
public sealed class ModelVersionGrain(
    [DurableState("model")] IDurableState<ModelVersionState> state,
    IAuditStore auditStore,
    EngineClock clock,
    IOptions<ModelRegistryOptions> options,
    ILogger<ModelVersionGrain> logger) : Grain, IModelVersionGrain
{
    /// <summary>
    /// How many events the state keeps to recognise a repeated deployment or removal: an environment repeats its call
    /// right after a crash, not after this many other changes of the version.
    /// </summary>
    internal const int RecentEvents = 32;

    private readonly List<AuditRecord> _sealed = [];

    /// <summary>The stream as read once per activation, extended by each committed change, so views do not read it again.</summary>
    private List<LifecycleEvent>? _history;

    private ModelVersionState S => state.State;

    public static string AuditStream(ModelVersionKey key) => $"model:{key.GrainKey}";

    /// <summary>A state stored with its history inside (before the history moved to the stream) appends it there once.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (S.View is not { History.IsDefaultOrEmpty: false } stored)
        {
            return;
        }

        var history = await History();
        S.View = stored with { History = [] };
        await Save(history, [.. stored.History], "lifecycle-event-moved");
    }

    public async Task<ModelVersionView> Register(string runId, ModelRegistration registration, string actor)
    {
        var history = await History();
        if (S.View is { } existing)
        {
            return existing.OwnerRunId == runId
                ? Full(history)
                : throw new ModelVersionException(ModelVersionErrorCode.AlreadyRegistered, $"Model version {Key} is already registered by run '{existing.OwnerRunId}'.");
        }

        if (registration.ModelName != Key.Name)
        {
            throw new ModelVersionException(ModelVersionErrorCode.InvalidRequest, $"Registration names model '{registration.ModelName}' but this is {Key}.");
        }

        var registered = new LifecycleEvent(ModelLifecycle.Registered, runId, actor, clock.UtcNow, registration.ArtifactSha256);
        S.View = new ModelVersionView(
            Key,
            runId,
            ModelLifecycle.Registered,
            registration,
            ImmutableDictionary<string, double>.Empty,
            ApprovedBy: null,
            Environment: null,
            []);
        return await Save(history, [registered], "model-registered");
    }

    public Task<ModelVersionView> MarkValidated(string runId, ImmutableDictionary<string, double> metrics, string actor) =>
        Move(runId, ModelLifecycle.Validated, actor, detail: null, (v, now) => v with
        {
            ValidationMetrics = metrics,
            RevalidationDueAt = now + options.Value.RevalidationPeriod,
        });

    public Task<ModelVersionView> MarkApproved(string runId, string approver) =>
        Move(runId, ModelLifecycle.Approved, approver, detail: null, (v, _) => v with { ApprovedBy = approver });

    public async Task<ModelVersionView> RecordDeployment(string environment, DeploymentEntry entry)
    {
        var history = await History();
        var view = S.View
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {Key} is not registered; it cannot be live in {environment}.");
        var detail = DeployedDetail(environment, entry);
        if (IsRecent(entry, detail))
        {
            return Full(history);
        }

        if (view.Lifecycle is not (ModelLifecycle.Approved or ModelLifecycle.Deployed))
        {
            throw new ModelVersionException(ModelVersionErrorCode.WrongLifecycle, $"Model version {Key} is {view.Lifecycle}; only an approved version goes live in {environment}.");
        }

        S.View = view with
        {
            Lifecycle = ModelLifecycle.Deployed,
            Environment = environment,
            LiveIn = view.LiveIn.Remove(environment).Add(environment),
        };
        return await Save(history, [new LifecycleEvent(ModelLifecycle.Deployed, entry.RunId, entry.Actor, entry.At, detail)], "model-deployed");
    }

    public async Task<ModelVersionView> RecordRemoval(string environment, DeploymentEntry entry)
    {
        var history = await History();
        var view = S.View
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {Key} is not registered; it was never live in {environment}.");
        var detail = $"replaced in {environment} by version {entry.Version} ({entry.Kind.ToString().ToLowerInvariant()})";
        if (IsRecent(entry, detail))
        {
            return Full(history);
        }

        S.View = view with { LiveIn = view.LiveIn.Remove(environment) };
        return await Save(history, [new LifecycleEvent(view.Lifecycle, entry.RunId, entry.Actor, entry.At, detail)], "model-replaced");
    }

    public Task<ModelVersionView> Retire(string runId, string actor) =>
        Move(runId, ModelLifecycle.Retired, actor, detail: null, (v, _) => v);

    public async Task<ModelVersionView> AttachDocuments(string runId, ImmutableArray<ModelDocument> documents)
    {
        var history = await History();
        var view = RequireOwnedBy(runId, "attach documents");
        var added = documents
            .Where(d => !view.Documents.Any(existing => existing.Kind == d.Kind && existing.Sha256 == d.Sha256))
            .ToImmutableArray();
        if (added.IsEmpty)
        {
            return Full(history);
        }

        S.View = view with { Documents = view.Documents.AddRange(added) };
        return await Save(history, [], kind: "");
    }

    public async Task<ModelVersionView> SetTags(ImmutableArray<string> tags, string actor)
    {
        await GrainFactory.Authorize(new Actor(actor, [], null), Permission.TagModel);
        var history = await History();
        var view = S.View
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {Key} is not registered; nobody may tag it.");
        var wanted = ModelTags.Validate(tags.IsDefault ? [] : tags);
        var current = view.Registration.Tags.IsDefault ? [] : view.Registration.Tags;
        if (current.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            return Full(history);
        }

        // Tagging is no run's step and no lifecycle change: the entry keeps the lifecycle and names no run.
        S.View = view with { Registration = view.Registration with { Tags = wanted } };
        return await Save(history, [new LifecycleEvent(view.Lifecycle, RunId: "", actor, clock.UtcNow, $"tags: {string.Join(",", wanted)}")], "model-tagged");
    }

    public async Task<ModelVersionView?> GetView() => S.View is null ? null : Full(await History());

    public async Task<ImmutableArray<LifecycleEvent>> GetHistory(int after, int limit)
    {
        if (after < 0 || limit is < 1 or > IModelVersionGrain.MaxHistoryPage)
        {
            throw new ModelVersionException(
                ModelVersionErrorCode.InvalidRequest, $"A history page starts at 0 or later and holds 1 to {IModelVersionGrain.MaxHistoryPage} events; got after {after}, limit {limit}.");
        }

        // One record per event, numbered from 1: the first `after` events are the records up to sequence `after`.
        return [.. await auditStore.ReadItemsAsync<LifecycleEvent>(AuditStream(Key), after, S.AuditSequence, limit)];
    }

    private ModelVersionKey Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var slash = key.LastIndexOf('/');
            return new ModelVersionKey(key[..slash], int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task<ModelVersionView> Move(
        string runId,
        ModelLifecycle to,
        string actor,
        string? detail,
        Func<ModelVersionView, DateTimeOffset, ModelVersionView> apply)
    {
        var history = await History();
        var view = RequireOwnedBy(runId, $"make it {to}");
        if (view.Lifecycle == to)
        {
            return Full(history);
        }

        if (to != Next(view.Lifecycle) && to != ModelLifecycle.Retired)
        {
            throw new ModelVersionException(ModelVersionErrorCode.WrongLifecycle, $"Model version {Key} is {view.Lifecycle}; it cannot become {to}.");
        }

        var now = clock.UtcNow;
        S.View = apply(view, now) with { Lifecycle = to };
        return await Save(history, [new LifecycleEvent(to, runId, actor, now, detail)], $"model-{to.ToString().ToLowerInvariant()}");
    }

    /// <summary>
    /// Stores the state at the next revision with a record of <paramref name="kind"/> for each of <paramref name="events"/>
    /// and the registry row of the view they complete, in one transaction, and logs the events once that is durable.
    /// </summary>
    private async Task<ModelVersionView> Save(List<LifecycleEvent> history, IReadOnlyList<LifecycleEvent> events, string kind)
    {
        var stream = AuditStream(Key);
        foreach (var change in events)
        {
            S.Recent.Add(change);
            S.Chain(_sealed, stream, kind, change.Actor, change.At, change);
        }

        if (S.Recent.Count > RecentEvents)
        {
            S.Recent.RemoveRange(0, S.Recent.Count - RecentEvents);
        }

        S.Revision++;
        var revision = S.Revision;
        var full = S.View! with { History = [.. history, .. events] };
        try
        {
            await state.CommitSealedAsync(_sealed, new ModelIndexRow(full, revision));
        }
        catch (Exception e)
        {
            ModelLog.PersistFailed(logger, e, Key.GrainKey, revision);
            throw;
        }

        history.AddRange(events);
        foreach (var change in events)
        {
            var detail = change.Detail is { Length: > 0 } text ? ": " + text : string.Empty;
            ModelLog.Changed(logger, Key.GrainKey, change.To, revision, change.Actor, change.RunId, detail);
        }

        return full;
    }

    private async Task<List<LifecycleEvent>> History()
    {
        if (_history is null)
        {
            var read = await auditStore.ReadAllItemsAsync<LifecycleEvent>(AuditStream(Key), S.AuditSequence, IModelVersionGrain.MaxHistoryPage);
            _history ??= read;
        }

        return _history;
    }

    private ModelVersionView Full(List<LifecycleEvent> history) => S.View! with { History = [.. history] };

    private bool IsRecent(DeploymentEntry entry, string detail) =>
        S.Recent.Any(e => e.RunId == entry.RunId && e.At == entry.At && e.Detail == detail);

    private ModelVersionView RequireOwnedBy(string runId, string action)
    {
        var view = S.View
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {Key} is not registered; nobody may {action}.");
        return view.OwnerRunId == runId
            ? view
            : throw new ModelVersionException(ModelVersionErrorCode.OtherRun, $"Model version {Key} belongs to run '{view.OwnerRunId}'; run '{runId}' may not {action}.");
    }

    private static string DeployedDetail(string environment, DeploymentEntry entry) =>
        entry.Kind == DeploymentKind.Rollback ? $"{environment} (rollback)" : environment;

    private static ModelLifecycle Next(ModelLifecycle current) => current switch
    {
        ModelLifecycle.Registered => ModelLifecycle.Validated,
        ModelLifecycle.Validated => ModelLifecycle.Approved,
        ModelLifecycle.Approved => ModelLifecycle.Deployed,
        _ => ModelLifecycle.Retired,
    };
}
