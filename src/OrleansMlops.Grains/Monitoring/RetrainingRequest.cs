using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Grains.Runs;

namespace OrleansMlops.Grains.Monitoring;

/// <summary>
/// The retraining run a failed monitoring decision starts: the workflow of the run that trained the live version (its
/// latest version, so fixes to the workflow apply), the same start parameters, plus <see cref="TriggerParameter"/> naming
/// the report and the failed rules, which the new run's <c>run.started</c> audit record keeps.
/// </summary>
internal static class RetrainingRequest
{
    public const string TriggerParameter = "trigger";

    /// <summary>The engine's identity when it starts a retraining run: never a person, so it can never sign anything off.</summary>
    public const string MonitorActorId = "system:monitor";

    // RunRequestValidation's limit for a text parameter.
    private const int MaxTriggerLength = 4_000;

    /// <summary>
    /// Deterministic per monitor and count, so starting again after a crash is answered with AlreadyStarted instead of
    /// starting a second run.
    /// </summary>
    public static string RunId(ModelEnvironmentKey monitor, int number) => $"retrain-{monitor.ModelName}-{monitor.Environment}-{number}";

    /// <summary>
    /// The engine acts for the unit that developed the model (the owner run's submitter's), so the independence rules
    /// compare the validator with that unit as they would for a person's release.
    /// </summary>
    public static Actor Starter(RunView owner) => new(MonitorActorId, ["system"], owner.StartedBy?.Unit);

    public static StartRunRequest For(RunView owner, string trigger)
    {
        var workflow = owner.Workflow?.WorkflowId
            ?? throw new InvalidOperationException($"Run '{owner.RunId}' has no workflow; the version it trained cannot be retrained from it.");
        var parameters = owner.Parameters
            .Remove(PipelineRunGrain.ModelParameter)
            .SetItem(TriggerParameter, Variable.Of(trigger.Length <= MaxTriggerLength ? trigger : trigger[..MaxTriggerLength]));
        return new StartRunRequest(workflow, null, parameters, Starter(owner));
    }

    /// <summary>Whether <paramref name="existing"/> is the run <paramref name="request"/> started (not another run holding the id).</summary>
    public static bool IsStartedBy(RunView existing, StartRunRequest request) =>
        existing.StartedBy?.Id == MonitorActorId
        && existing.Parameters.GetValueOrDefault(TriggerParameter)?.ToString() == request.Parameters[TriggerParameter].ToString();
}
