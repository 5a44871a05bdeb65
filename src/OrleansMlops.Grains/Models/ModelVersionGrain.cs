using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Storage.Models;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Security;

namespace OrleansMlops.Grains.Models;

/// <summary>
/// A model version's lifecycle. Only the run that registered the version may move it, one step at a time, and a
/// repeated step from that run (a retry after a crash) is acknowledged without being recorded twice. Validation (the
/// independent validator's sign-off) starts the review period: <see cref="ModelVersionView.RevalidationDueAt"/> is the
/// validation time plus <see cref="ModelRegistryOptions.RevalidationPeriod"/>.
/// </summary>
public sealed class ModelVersionGrain(
    [PersistentState("model")] IPersistentState<ModelVersionState> state,
    EngineClock clock,
    IOptions<ModelRegistryOptions> options,
    IModelIndex index,
    ILogger<ModelVersionGrain> logger) : Grain, IModelVersionGrain
{
    /// <summary>Re-projects once per activation: a crash between a write and its projection is repaired here.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await Project();
    }

    public async Task<ModelVersionView> Register(string runId, ModelRegistration registration, string actor)
    {
        if (state.State.View is { } existing)
        {
            return existing.OwnerRunId == runId
                ? existing
                : throw new ModelVersionException(ModelVersionErrorCode.AlreadyRegistered, $"Model version {Key} is already registered by run '{existing.OwnerRunId}'.");
        }

        if (registration.ModelName != Key.Name)
        {
            throw new ModelVersionException(ModelVersionErrorCode.InvalidRequest, $"Registration names model '{registration.ModelName}' but this is {Key}.");
        }

        var registered = new LifecycleEvent(ModelLifecycle.Registered, runId, actor, clock.UtcNow, registration.ArtifactSha256);
        state.State.View = new ModelVersionView(
            Key,
            runId,
            ModelLifecycle.Registered,
            registration,
            ImmutableDictionary<string, double>.Empty,
            ApprovedBy: null,
            Environment: null,
            [registered]);
        await Save(registered);
        return state.State.View;
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
        var view = state.State.View
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {Key} is not registered; it cannot be live in {environment}.");
        if (view.History.Any(e => e.RunId == entry.RunId && e.At == entry.At && e.Detail == DeployedDetail(environment, entry)))
        {
            return view;
        }

        if (view.Lifecycle is not (ModelLifecycle.Approved or ModelLifecycle.Deployed))
        {
            throw new ModelVersionException(ModelVersionErrorCode.WrongLifecycle, $"Model version {Key} is {view.Lifecycle}; only an approved version goes live in {environment}.");
        }

        state.State.View = view with
        {
            Lifecycle = ModelLifecycle.Deployed,
            Environment = environment,
            LiveIn = view.LiveIn.Remove(environment).Add(environment),
            History = view.History.Add(new LifecycleEvent(ModelLifecycle.Deployed, entry.RunId, entry.Actor, entry.At, DeployedDetail(environment, entry))),
        };
        await Save(state.State.View.History[^1]);
        return state.State.View;
    }

    public async Task<ModelVersionView> RecordRemoval(string environment, DeploymentEntry entry)
    {
        var view = state.State.View
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {Key} is not registered; it was never live in {environment}.");
        var detail = $"replaced in {environment} by version {entry.Version} ({entry.Kind.ToString().ToLowerInvariant()})";
        if (view.History.Any(e => e.RunId == entry.RunId && e.At == entry.At && e.Detail == detail))
        {
            return view;
        }

        state.State.View = view with
        {
            LiveIn = view.LiveIn.Remove(environment),
            History = view.History.Add(new LifecycleEvent(view.Lifecycle, entry.RunId, entry.Actor, entry.At, detail)),
        };
        await Save(state.State.View.History[^1]);
        return state.State.View;
    }

    public Task<ModelVersionView> Retire(string runId, string actor) =>
        Move(runId, ModelLifecycle.Retired, actor, detail: null, (v, _) => v);

    public async Task<ModelVersionView> AttachDocuments(string runId, ImmutableArray<ModelDocument> documents)
    {
        var view = RequireOwnedBy(runId, "attach documents");
        var added = documents
            .Where(d => !view.Documents.Any(existing => existing.Kind == d.Kind && existing.Sha256 == d.Sha256))
            .ToImmutableArray();
        if (added.IsEmpty)
        {
            return view;
        }

        state.State.View = view with { Documents = view.Documents.AddRange(added) };
        await Save(change: null);
        return state.State.View;
    }

    public async Task<ModelVersionView> SetTags(ImmutableArray<string> tags, string actor)
    {
        await GrainFactory.Authorize(new Actor(actor, [], null), Permission.TagModel);
        var view = state.State.View
            ?? throw new ModelVersionException(ModelVersionErrorCode.NotRegistered, $"Model version {Key} is not registered; nobody may tag it.");
        var wanted = ModelTags.Validate(tags.IsDefault ? [] : tags);
        var current = view.Registration.Tags.IsDefault ? [] : view.Registration.Tags;
        if (current.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            return view;
        }

        // Tagging is no run's step and no lifecycle change: the entry keeps the lifecycle and names no run.
        state.State.View = view with
        {
            Registration = view.Registration with { Tags = wanted },
            History = view.History.Add(new LifecycleEvent(view.Lifecycle, RunId: "", actor, clock.UtcNow, $"tags: {string.Join(",", wanted)}")),
        };
        await Save(state.State.View.History[^1]);
        return state.State.View;
    }

    public Task<ModelVersionView?> GetView() => Task.FromResult(state.State.View);

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
        var view = RequireOwnedBy(runId, $"make it {to}");
        if (view.Lifecycle == to)
        {
            return view;
        }

        if (to != Next(view.Lifecycle) && to != ModelLifecycle.Retired)
        {
            throw new ModelVersionException(ModelVersionErrorCode.WrongLifecycle, $"Model version {Key} is {view.Lifecycle}; it cannot become {to}.");
        }

        var now = clock.UtcNow;
        var changed = apply(view, now) with
        {
            Lifecycle = to,
            History = view.History.Add(new LifecycleEvent(to, runId, actor, now, detail)),
        };
        state.State.View = changed;
        await Save(changed.History[^1]);
        return changed;
    }

    /// <summary>
    /// Persists the state with the next revision, logs the <paramref name="change"/> it records once that is durable, then
    /// projects it to the registry read model.
    /// </summary>
    private async Task Save(LifecycleEvent? change)
    {
        state.State.Revision++;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            // The in-memory state is ahead of storage now; only a fresh activation is trustworthy.
            ModelLog.PersistFailed(logger, e, Key.GrainKey, state.State.Revision);
            DeactivateOnIdle();
            throw;
        }

        if (change is not null)
        {
            var detail = change.Detail is { Length: > 0 } text ? ": " + text : string.Empty;
            ModelLog.Changed(logger, Key.GrainKey, change.To, state.State.Revision, change.Actor, change.RunId, detail);
        }

        await Project();
    }

    private async Task Project()
    {
        if (state.State.View is not { } view)
        {
            return;
        }

        try
        {
            await index.UpsertAsync(view, state.State.Revision, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A projection: the grain holds the truth; the next write or activation projects the newest view again.
            ModelLog.ProjectionFailed(logger, e, Key.GrainKey, state.State.Revision);
        }
    }

    private ModelVersionView RequireOwnedBy(string runId, string action)
    {
        var view = state.State.View
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
