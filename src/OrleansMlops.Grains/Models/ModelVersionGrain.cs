using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Models;

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
    IOptions<ModelRegistryOptions> options) : Grain, IModelVersionGrain
{
    public async Task<ModelVersionView> Register(string runId, ModelRegistration registration, string actor)
    {
        if (state.State.View is { } existing)
        {
            return existing.OwnerRunId == runId
                ? existing
                : throw new ModelVersionException($"Model version {Key} is already registered by run '{existing.OwnerRunId}'.");
        }

        if (registration.ModelName != Key.Name)
        {
            throw new ModelVersionException($"Registration names model '{registration.ModelName}' but this is {Key}.");
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
        await state.WriteStateAsync();
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

    public Task<ModelVersionView> MarkDeployed(string runId, string environment, string actor) =>
        Move(runId, ModelLifecycle.Deployed, actor, environment, (v, _) => v with { Environment = environment });

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
        await state.WriteStateAsync();
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
            throw new ModelVersionException($"Model version {Key} is {view.Lifecycle}; it cannot become {to}.");
        }

        var now = clock.UtcNow;
        var changed = apply(view, now) with
        {
            Lifecycle = to,
            History = view.History.Add(new LifecycleEvent(to, runId, actor, now, detail)),
        };
        state.State.View = changed;
        await state.WriteStateAsync();
        return changed;
    }

    private ModelVersionView RequireOwnedBy(string runId, string action)
    {
        var view = state.State.View
            ?? throw new ModelVersionException($"Model version {Key} is not registered; nobody may {action}.");
        return view.OwnerRunId == runId
            ? view
            : throw new ModelVersionException($"Model version {Key} belongs to run '{view.OwnerRunId}'; run '{runId}' may not {action}.");
    }

    private static ModelLifecycle Next(ModelLifecycle current) => current switch
    {
        ModelLifecycle.Registered => ModelLifecycle.Validated,
        ModelLifecycle.Validated => ModelLifecycle.Approved,
        ModelLifecycle.Approved => ModelLifecycle.Deployed,
        _ => ModelLifecycle.Retired,
    };
}
