using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

// Asking the governance gate, and the engine's own independence invariants (four-eyes, effective challenge).
public sealed partial class PipelineRunGrain
{
    /// <summary>
    /// Before any decision on a user task, approve or reject: the engine's invariant that the person deciding neither
    /// submitted nor trained the run (four-eyes for approvers, effective challenge for validators). Rejecting is a
    /// decision of the task too: whoever may not sign off may not stop the release either.
    /// </summary>
    private async Task RequireIndependent(CompleteTaskRequest request, UserTaskGate gate)
    {
        // An invariant of the engine, not only a rule file: a rule set cannot switch it off.
        var submitter = S.StartedBy!.Id;
        var trainer = S.Actors.GetValueOrDefault(RunRoles.Trainer)?.Id;
        if (!string.Equals(request.Actor.Id, submitter, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(request.Actor.Id, trainer, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var verb = request.Decision == TaskDecision.Approve ? "approve" : "reject";
        if (gate.IsValidation)
        {
            await RecordRefusedAction(request, "independent validation: the validator submitted or trained this run");
            throw new RunException(
                RunErrorCode.NotPermitted,
                $"Independent validation (effective challenge): '{request.Actor.Id}' submitted or trained run '{RunId}' and may not {verb} its validation; a validator independent of its development must.");
        }

        await RecordRefusedAction(request, "four-eyes: the approver submitted or trained this run");
        throw new RunException(
            RunErrorCode.NotPermitted,
            $"Four-eyes principle: '{request.Actor.Id}' submitted or trained run '{RunId}' and may not {verb} it; a second person must.");
    }

    /// <summary>A rejection says why, so whoever reads the trail later sees the finding that stopped the release.</summary>
    private void RequireRejectionReason(CompleteTaskRequest request)
    {
        if (request.Decision == TaskDecision.Reject && string.IsNullOrWhiteSpace(request.Comment))
        {
            throw new RunException(
                RunErrorCode.InvalidRequest,
                $"Rejecting task '{request.TaskId}' of run '{RunId}' needs a reason: 'comment' is required and must say why.");
        }
    }

    /// <summary>Before an approve decision on a user task: the gate the task names.</summary>
    private async Task RequireSignOffAllowed(CompleteTaskRequest request, UserTask task, UserTaskGate gate)
    {
        var decision = await Decide(gate.Gate, task.Id, stage: null, request.Actor, EnvironmentOf(task));
        if (decision.Allows)
        {
            return;
        }

        RunLog.GateRefused(logger, RunId, gate.Gate, decision.Outcome.ToString(), S.Model, stage: null, decision.DecisionId);
        await Commit(
            "approval.refused",
            request.Actor,
            $"{gate.Gate} of {task.Id} by {request.Actor.Id} refused: {FailureText(decision)}",
            [],
            Summarize(decision),
            decisionId: decision.DecisionId);
        throw new RunException(RunErrorCode.GateRefused, $"The {gate.Gate} gate refused '{request.Actor.Id}': {FailureText(decision)}");
    }

    /// <summary>
    /// Records who signed off in which part, and what it owes the model version. The validator's sign-off is the event
    /// that makes the version Validated (with the metrics the validate stage measured, the validator as ValidatedBy and
    /// the review period starting now); the validate stage only measures. The approver's sign-off makes it Approved.
    /// </summary>
    private void RecordSignOff(UserTaskGate gate, Actor actor)
    {
        S.Actors[gate.ActorRole] = actor;
        if (S.Model is not { } model)
        {
            return;
        }

        S.ModelEffects.Add(gate.IsValidation
            ? new ModelEffect(ModelEffectKind.Validate, model, actor.Id, Metrics: S.MeasuredMetrics.ToImmutableDictionary(StringComparer.Ordinal))
            : new ModelEffect(ModelEffectKind.Approve, model, actor.Id));
        S.EvidenceOwed |= !gate.IsValidation;
    }

    private Task RecordRefusedAction(CompleteTaskRequest request, string reason) => Commit(
        "task.refused",
        request.Actor,
        $"{request.Decision} of {request.TaskId} by {request.Actor.Id} refused: {reason}",
        [],
        new { task = request.TaskId, decision = request.Decision, reason });

    private async Task<GateDecision> Decide(string transition, string nodeId, string? stage, Actor actor, string environment)
    {
        var now = clock.UtcNow;
        var input = GateInputFactory.Create(
            RunId, S, transition, nodeId, stage, actor, environments.For(environment), await CurrentModel(), now);
        GateDecision decision;
        try
        {
            decision = await gate.EvaluateAsync(RunId, nodeId, input, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A gate that cannot answer blocks: governance fails closed.
            decision = new GateDecision(
                TimeOrderedId.New(now),
                RunId,
                transition,
                nodeId,
                GateOutcome.Error,
                [],
                [],
                AuditJson.Serialize(input),
                now,
                0,
                e.Message);
        }

        // The decision log keeps the run's decisions; the state only the ids of those that block.
        _decided.Add(decision);
        RunTelemetry.Decided(decision);
        return decision;
    }

    /// <summary>The environment whose facts the gate sees: the task's target (see <see cref="TargetEnvironment"/>), else "none".</summary>
    private string EnvironmentOf(FlowNode node)
    {
        var properties = node switch
        {
            StageTask stage => stage.Properties,
            UserTask user => user.Properties,
            _ => null,
        };
        var variables = S.Process?.Variables ?? ImmutableDictionary<string, Variable>.Empty;
        return properties is null ? "none" : TargetEnvironment.Resolve(properties, variables) ?? "none";
    }

    private static string FailureText(GateDecision decision)
    {
        if (decision.Outcome == GateOutcome.Error)
        {
            var error = decision.Error ?? "the gate gave no reason";
            return error.StartsWith("governance error", StringComparison.OrdinalIgnoreCase) ? error : $"governance error: {error}";
        }

        var failed = decision.Results.Where(r => !r.Passed).Select(r => $"{r.RuleSetId}/{r.RuleName}: {r.Message}");
        return string.Join("; ", failed);
    }

    private static object Summarize(GateDecision decision) => new
    {
        decisionId = decision.DecisionId,
        transition = decision.Transition,
        outcome = decision.Outcome,
        ruleSets = decision.RuleSets,
        failed = decision.Results.Where(r => !r.Passed).Select(r => new { r.RuleSetId, r.RuleName, r.Message }),
        error = decision.Error,
    };
}
