using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;

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
        var variables = (state.Process?.Variables ?? ImmutableDictionary<string, Variable>.Empty)
            .ToImmutableDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal);
        var run = new GateRunFacts(
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
