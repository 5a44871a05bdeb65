using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Runs;

/// <summary>Builds the typed facts a gate sees from a run's state and its model version.</summary>
internal static class GateInputFactory
{
    public static GateInput Create(
        string runId,
        RunGrainState state,
        string transition,
        string? nodeId,
        string? stage,
        Actor actor,
        string environment,
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
            ImmutableDictionary<string, double>.Empty);
        return new GateInput(transition, run, ModelFacts(model), actor, GateEnvironmentFacts.None with { Name = environment }, now);
    }

    private static GateModelFacts ModelFacts(ModelVersionView? model)
    {
        if (model is null)
        {
            return GateModelFacts.None;
        }

        var registration = model.Registration;
        var metrics = registration.TrainingMetrics.SetItems(model.ValidationMetrics);
        var trainingData = registration.Lineage.Files.FirstOrDefault(f => f.Role == "train");
        return new GateModelFacts(
            Registered: true,
            model.Key.Name,
            model.Key.Version,
            registration.Purpose,
            registration.RiskClass,
            model.Lifecycle.ToString(),
            metrics,
            trainingData?.Sha256,
            registration.Lineage.CodeCommit,
            registration.ArtifactSha256);
    }
}
