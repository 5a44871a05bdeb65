using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Grains.Runs;

/// <summary>Builds the typed facts a gate sees from a run's state, its model version and the target environment.</summary>
internal static class GateInputFactory
{
    public static GateInput Create(
        string runId,
        RunGrainState state,
        string transition,
        string? nodeId,
        string? stage,
        Actor actor,
        GateEnvironmentFacts environment,
        ModelVersionView? model,
        DateTimeOffset now)
    {
        var run = RunFacts(runId, state, nodeId, stage);
        var facts = ModelFacts(model, state.MeasuredMetrics);
        return new GateInput(
            transition,
            run,
            facts with { ThresholdChecks = RunThresholds.Check(state.Thresholds, facts.Metrics) },
            actor,
            environment,
            now);
    }

    /// <summary>
    /// A monitoring report on a live version (transition <c>monitor</c>): the version as any gate sees it after its run
    /// (thresholds checked against the run's declared ones), with the reported metrics as <see cref="GateModelFacts.Monitoring"/>;
    /// the run is the one that trained it, the actor the reporting service.
    /// </summary>
    public static GateInput ForMonitoring(
        GateRunFacts ownerRun,
        ModelVersionView model,
        ImmutableDictionary<string, double> monitoring,
        Actor reporter,
        GateEnvironmentFacts environment,
        DateTimeOffset now)
    {
        var facts = ModelFacts(model, ImmutableDictionary<string, double>.Empty);
        return new GateInput(
            TransitionName.Monitor,
            ownerRun,
            facts with { ThresholdChecks = RunThresholds.Check(ownerRun.Thresholds, facts.Metrics), Monitoring = monitoring },
            reporter,
            environment,
            now);
    }

    /// <summary>The run as its gates see it at <paramref name="nodeId"/> (null: after the run, e.g. for a monitoring report).</summary>
    public static GateRunFacts RunFacts(string runId, RunGrainState state, string? nodeId, string? stage)
    {
        var variables = (state.Process?.Variables ?? ImmutableDictionary<string, Variable>.Empty)
            .ToImmutableDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal);
        return new GateRunFacts(
            runId,
            state.Workflow?.WorkflowId ?? string.Empty,
            state.Workflow?.Version ?? 0,
            nodeId,
            stage,
            variables,
            state.StartedBy ?? Actor.System,
            state.Actors.GetValueOrDefault(RunRoles.Trainer),
            state.Actors.GetValueOrDefault(RunRoles.Validator),
            state.Actors.GetValueOrDefault(RunRoles.Approver),
            state.StartedAt,
            state.Thresholds.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The model version as the gate sees it. Metrics are the training metrics overlaid with the validation metrics: the
    /// version's own once validated, before that the ones the run's validate stage measured (awaiting sign-off).
    /// </summary>
    private static GateModelFacts ModelFacts(ModelVersionView? model, IReadOnlyDictionary<string, double> measured)
    {
        if (model is null)
        {
            return GateModelFacts.None;
        }

        var registration = model.Registration;
        var lineage = registration.Lineage;
        var metrics = registration.TrainingMetrics.SetItems(measured).SetItems(model.ValidationMetrics);
        var registered = LastEvent(model, ModelLifecycle.Registered);
        var validated = LastEvent(model, ModelLifecycle.Validated);
        return new GateModelFacts(
            Registered: true,
            model.Key.Name,
            model.Key.Version,
            registration.Purpose,
            registration.RiskClass,
            model.Lifecycle.ToString(),
            metrics,
            lineage.Files.FirstOrDefault(f => f.Role == "train")?.Sha256,
            lineage.CodeCommit,
            registration.ArtifactSha256)
        {
            DatasetId = lineage.DatasetId,
            DatasetVersion = lineage.DatasetVersion,
            DatasetFiles = lineage.Files,
            ProtectedAttributes = registration.ProtectedAttributes,
            Owner = registration.Owner,
            Tier = registration.Tier,
            TrainedBy = lineage.TrainedBy,
            ValidatedBy = validated?.Actor,
            RegisteredAt = registered?.At,
            ValidatedAt = validated?.At,
            RevalidationDueAt = model.RevalidationDueAt,
            Documents = model.Documents,
            LiveIn = model.LiveIn,
        };
    }

    // The last time the version moved into the lifecycle: entries that keep it (a tag change, a deployment elsewhere)
    // must not pass for the validator's sign-off or the registration.
    private static LifecycleEvent? LastEvent(ModelVersionView model, ModelLifecycle lifecycle) =>
        model.History.Where((e, i) => e.To == lifecycle && (i == 0 || model.History[i - 1].To != lifecycle)).LastOrDefault();
}
