using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

// Driving the run: gates before stages, stage handlers, due timers.
public sealed partial class PipelineRunGrain
{
    /// <summary>A release stage under this name returns an environment to its previous version (a rollback).</summary>
    private const string RollbackStage = "rollback";

    /// <summary>The run parameter that states why it releases or rolls back.</summary>
    private const string ReasonParameter = "reason";

    /// <summary>
    /// Moves tokens until each waits for something outside the run: a person, a timer, a blocked gate, an incident, a
    /// model change still owed. Whatever stops it, the run is left with a wakeup: an error (a grain it called was
    /// unreachable) is retried after a backoff, and the durable reminder covers the activation's loss.
    /// </summary>
    private async Task Drive()
    {
        try
        {
            while (S.Process is { Status: ProcessStatus.Running } process && !OwesModelChanges)
            {
                var awaitingGate = process.Tokens.FirstOrDefault(
                    t => t.Status == TokenStatus.AwaitingGate && !S.BlockedTokens.ContainsKey(t.TokenId));
                if (awaitingGate is not null)
                {
                    await PassStageGate(process, awaitingGate);
                    continue;
                }

                var running = process.Tokens.FirstOrDefault(t => t.Status == TokenStatus.Running && !S.ExternalJobs.ContainsKey(t.TokenId));
                if (running is not null)
                {
                    await RunStage(process, running);
                    continue;
                }

                break;
            }

            _stalled = false;
        }
        catch (Exception e)
        {
            _stalled = true;
            _failures++;
            RunLog.DriveFailed(logger, e, RunId, _failures, RetryDelay());
            throw;
        }
        finally
        {
            ArmRetry();
            await SyncWakeReminder();
        }
    }

    private async Task PassStageGate(ProcessState process, Token token)
    {
        var task = (StageTask)_definition!.Nodes[token.NodeId];
        var transition = $"enter:{task.Stage}";
        using var span = RunTelemetry.Transition(RunId, "gate", transition, task.Id);
        var decision = await Decide(transition, task.Id, task.Stage, S.StartedBy!, EnvironmentOf(task));
        span.Tag("mlops.decision_id", decision.DecisionId);
        span.Tag("mlops.outcome", decision.Outcome.ToString());
        if (decision.Allows)
        {
            var step = _interpreter!.AllowStage(process, token.TokenId, clock.UtcNow);
            S.Process = step.State;
            await Commit("gate.allowed", Actor.System, $"Gate {transition} allowed", step.Steps, Summarize(decision), task.Stage, decision.DecisionId);
            return;
        }

        S.BlockedTokens[token.TokenId] = decision.DecisionId;
        RunLog.GateRefused(logger, RunId, transition, decision.Outcome.ToString(), S.Model, task.Stage, decision.DecisionId);
        await Commit(
            "gate.blocked", Actor.System, $"Gate {transition} blocked: {FailureText(decision)}", [], Summarize(decision), task.Stage, decision.DecisionId);
    }

    private async Task RunStage(ProcessState process, Token token)
    {
        var task = (StageTask)_definition!.Nodes[token.NodeId];
        if (ExternalStage.TopicOf(task) is { } topic)
        {
            await StartExternalJob(process, token, task, topic);
            return;
        }

        using var span = RunTelemetry.Transition(RunId, "stage", task.Stage, task.Id);
        var handler = handlers.Find(task.Stage);
        var model = await CurrentModel();
        StageResult result;
        try
        {
            if (handler is null)
            {
                throw new StageException(
                    $"No handler is registered for stage '{task.Stage}' (task '{task.Id}'). Known stages: {string.Join(", ", handlers.Stages)}.");
            }

            var context = new StageContext(
                RunId,
                task.Id,
                task.Stage,
                token.Attempt,
                $"{RunId}:{task.Id}:{token.TokenId}:{token.Activation}",
                task.Properties,
                process.Variables,
                model,
                S.StartedBy!,
                clock.UtcNow);
            result = await handler.ExecuteAsync(context, CancellationToken.None);
        }
        catch (Exception e)
        {
            RunLog.StageFailed(logger, e, RunId, task.Stage, token.Attempt, S.Model);
            await (e is StageException { NeedsIntervention: true }
                ? StopStageAtIncident(process, token, task, e.Message)
                : FailStage(process, token, task, e.Message, details: null));
            return;
        }

        await CompleteStage(process, token, task, result, Actor.System, details: null);
    }

    private async Task FailStage(ProcessState process, Token token, StageTask task, string error, object? details)
    {
        var failed = _interpreter!.FailStage(process, token.TokenId, error, clock.UtcNow);
        S.Process = failed.State;
        await Commit(
            "stage.failed",
            Actor.System,
            $"Stage {task.Stage} failed (attempt {token.Attempt + 1}): {error}",
            failed.Steps,
            new { stage = task.Stage, attempt = token.Attempt, error, external = details },
            task.Stage);
    }

    private async Task CompleteStage(ProcessState process, Token token, StageTask task, StageResult result, Actor actor, object? details)
    {
        var outputs = await RecordStageEffects(task, result);
        var step = _interpreter!.CompleteStage(process, token.TokenId, outputs, clock.UtcNow);
        S.Process = step.State;
        await Commit(
            "stage.completed",
            actor,
            $"Stage {task.Stage} completed{Outcome(result)}",
            step.Steps,
            new
            {
                stage = task.Stage,
                metrics = result.Metrics,
                model = S.Model,
                environment = result.DeployedEnvironment,
                documents = result.Documents.IsDefaultOrEmpty ? null : result.Documents.Select(d => new { d.Kind, d.Uri, d.Sha256 }),
                external = details,
            },
            task.Stage);
    }

    /// <summary>What a stage produced, for the history line: the version it registered, where it went live, its metrics.</summary>
    private string Outcome(StageResult result)
    {
        var parts = new List<string>();
        if (result.TrainedModel is not null && S.Model is { } model)
        {
            parts.Add($"registered {model}");
        }

        if (result.DeployedEnvironment is { } environment)
        {
            parts.Add($"live in {environment}");
        }

        if (result.Metrics.Count > 0)
        {
            parts.Add(string.Join(", ", result.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Take(6)
                .Select(m => $"{m.Key} {m.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}")));
        }

        return parts.Count == 0 ? string.Empty : " — " + string.Join("; ", parts);
    }

    private string? ReasonVariable() =>
        S.Process?.Variables.GetValueOrDefault(ReasonParameter)?.ToString() is { Length: > 0 } reason ? reason : null;

    /// <summary>
    /// Turns a stage result into owed model changes and the variables the run keeps. Training registers the version;
    /// collected evidence is attached to it; the validate stage's metrics wait in the run for the independent validator's
    /// sign-off (see <see cref="RecordSignOff"/>), which is what makes the version Validated; deployment deploys it.
    /// </summary>
    private async Task<ImmutableDictionary<string, Variable>> RecordStageEffects(StageTask task, StageResult result)
    {
        var outputs = result.Outputs;
        var actor = S.StartedBy!.Id;
        if (result.TrainedModel is { } trained)
        {
            // Allocation is idempotent per run, so a retry after a crash gets the same version number.
            var version = await GrainFactory.GetGrain<IModelRegistryGrain>(trained.ModelName).AllocateVersion(RunId);
            S.Model = new ModelVersionKey(trained.ModelName, version);
            S.ModelEffects.Add(new ModelEffect(ModelEffectKind.Register, S.Model, actor, Registration: trained));
            outputs = outputs
                .SetItem("model.name", Variable.Of(trained.ModelName))
                .SetItem("model.version", Variable.Of(version));
        }
        else if (S.Model is not null && string.Equals(task.Stage, "validate", StringComparison.OrdinalIgnoreCase))
        {
            S.MeasuredMetrics = new Dictionary<string, double>(result.Metrics, StringComparer.Ordinal);
        }

        if (!result.Documents.IsDefaultOrEmpty && S.Model is { } documented)
        {
            S.ModelEffects.Add(new ModelEffect(ModelEffectKind.AttachDocuments, documented, actor) { Documents = result.Documents });
        }

        if (result.DeployedEnvironment is { } environment && S.Model is { } deployed)
        {
            S.ModelEffects.Add(new ModelEffect(ModelEffectKind.Deploy, deployed, actor, Environment: environment)
            {
                Deployment = string.Equals(task.Stage, RollbackStage, StringComparison.OrdinalIgnoreCase) ? DeploymentKind.Rollback : DeploymentKind.Deploy,
                Reason = ReasonVariable(),
            });
        }

        return outputs;
    }

    private async Task FireDueTimers()
    {
        while (S.Process is { Status: ProcessStatus.Running } process)
        {
            var now = clock.UtcNow;
            var due = process.Timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).FirstOrDefault();
            if (due is null)
            {
                return;
            }

            var step = _interpreter!.FireTimer(process, due.TimerId, now);
            S.Process = step.State;
            await Commit("timer.fired", Actor.System, $"Timer {due.EventNodeId} ({due.Kind}) fired", step.Steps, new { timer = due });
        }
    }
}
