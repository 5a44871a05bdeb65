using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs.Release;

/// <summary>
/// The release rules of a run as data in, changes out: which model changes a stage's result and a sign-off owe the run's
/// model version, which part a person played, what evidence becomes owed. Keyed by the stage kinds and gates a workflow
/// declares. Pure (no grain, storage or clock), so the grain only applies what it returns.
/// </summary>
internal static class ReleasePolicy
{
    /// <summary>The stage kind whose metrics wait in the run for the independent validator's sign-off.</summary>
    public const string ValidateStage = "validate";

    /// <summary>The stage kind that returns an environment to its previous version.</summary>
    public const string RollbackStage = "rollback";

    /// <summary>The run parameter that states why a run releases or rolls back.</summary>
    public const string ReasonParameter = "reason";

    /// <summary>
    /// What a completed stage of kind <paramref name="stage"/> owes the run's model version <paramref name="model"/>
    /// (for a training stage, the version just allocated): training registers it, collected evidence is attached to it,
    /// the validate stage's metrics wait for the validator's sign-off, a deployment (or rollback) deploys it.
    /// </summary>
    public static StageOutcome OfStage(string stage, StageResult result, ModelVersionKey? model, string actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(result);
        var effects = ImmutableArray.CreateBuilder<ModelEffect>();
        var variables = ImmutableDictionary<string, Variable>.Empty;
        ImmutableDictionary<string, double>? measured = null;
        if (model is not { } version)
        {
            return new StageOutcome([], variables, measured);
        }

        if (result.TrainedModel is { } trained)
        {
            effects.Add(new ModelEffect(ModelEffectKind.Register, version, actor, Registration: trained));
            variables = variables.Add("model.name", Variable.Of(version.Name)).Add("model.version", Variable.Of(version.Version));
        }
        else if (IsKind(stage, ValidateStage))
        {
            measured = result.Metrics.WithComparers(StringComparer.Ordinal);
        }

        if (!result.Documents.IsDefaultOrEmpty)
        {
            effects.Add(new ModelEffect(ModelEffectKind.AttachDocuments, version, actor) { Documents = result.Documents });
        }

        if (result.DeployedEnvironment is { } environment)
        {
            effects.Add(new ModelEffect(ModelEffectKind.Deploy, version, actor, Environment: environment)
            {
                Deployment = IsKind(stage, RollbackStage) ? DeploymentKind.Rollback : DeploymentKind.Deploy,
                Reason = reason,
            });
        }

        return new StageOutcome(effects.ToImmutable(), variables, measured);
    }

    /// <summary>
    /// What an approving sign-off on a task with <paramref name="gate"/> records: the part its person played, and for a
    /// run with a model version the change it owes (the validator's makes it Validated with the measured metrics, the
    /// approver's Approved) and, for the approver's, the evidence to freeze.
    /// </summary>
    public static SignOffOutcome OfSignOff(UserTaskGate gate, Actor actor, ModelVersionKey? model, IReadOnlyDictionary<string, double> measured)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(actor);
        if (model is not { } version)
        {
            return new SignOffOutcome(gate.ActorRole, Effect: null, OwesEvidence: false);
        }

        var effect = gate.IsValidation
            ? new ModelEffect(ModelEffectKind.Validate, version, actor.Id, Metrics: measured.ToImmutableDictionary(StringComparer.Ordinal))
            : new ModelEffect(ModelEffectKind.Approve, version, actor.Id);
        return new SignOffOutcome(gate.ActorRole, effect, OwesEvidence: !gate.IsValidation);
    }

    /// <summary>Whether the workflow rolls an environment back, so its runs must say why before they start.</summary>
    public static bool RollsBack(ProcessDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Nodes.Values.OfType<StageTask>().Any(t => IsKind(t.Stage, RollbackStage));
    }

    private static bool IsKind(string stage, string kind) => string.Equals(stage, kind, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a completed stage owes: model changes, variables for the run, and metrics awaiting the validator (null: none).</summary>
internal sealed record StageOutcome(
    ImmutableArray<ModelEffect> Effects,
    ImmutableDictionary<string, Variable> Variables,
    ImmutableDictionary<string, double>? MeasuredMetrics);

/// <summary>What an approving sign-off records: the part played, the model change it owes (if the run has a version), whether evidence is owed.</summary>
internal sealed record SignOffOutcome(string ActorRole, ModelEffect? Effect, bool OwesEvidence);
