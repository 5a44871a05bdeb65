using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

// Asking the governance gate, and the engine's own four-eyes invariant.
public sealed partial class PipelineRunGrain
{
    private async Task RequireApprovalAllowed(CompleteTaskRequest request, UserTask task)
    {
        // Four-eyes is an invariant of the engine, not only a rule file: a rule set cannot switch it off.
        var submitter = S.StartedBy!.Id;
        var trainer = S.Actors.GetValueOrDefault(RunRoles.Trainer)?.Id;
        if (string.Equals(request.Actor.Id, submitter, StringComparison.OrdinalIgnoreCase)
            || string.Equals(request.Actor.Id, trainer, StringComparison.OrdinalIgnoreCase))
        {
            await RecordRefusedAction(request, "four-eyes: the approver submitted or trained this run");
            throw new RunException(
                RunErrorCode.NotPermitted,
                $"Four-eyes principle: '{request.Actor.Id}' submitted or trained run '{RunId}' and may not approve it; a second person must.");
        }

        var decision = await Decide("approve", task.Id, stage: null, request.Actor, EnvironmentOf(task));
        if (decision.Allows)
        {
            return;
        }

        RunLog.GateRefused(logger, RunId, "approve", decision.Outcome.ToString(), decision.DecisionId);
        await Commit(
            "approval.refused",
            request.Actor,
            $"Approval of {task.Id} by {request.Actor.Id} refused: {FailureText(decision)}",
            [],
            Summarize(decision));
        throw new RunException(RunErrorCode.GateRefused, $"The approval gate refused '{request.Actor.Id}': {FailureText(decision)}");
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
        var input = GateInputFactory.Create(RunId, S, transition, nodeId, stage, actor, environment, await CurrentModel(), now);
        GateDecision decision;
        try
        {
            decision = await gate.EvaluateAsync(RunId, nodeId, input, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A gate that cannot answer blocks: governance fails closed.
            decision = new GateDecision(
                Guid.NewGuid().ToString("N"),
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

        S.Decisions.Add(decision);
        return decision;
    }

    private static string EnvironmentOf(FlowNode node) => node switch
    {
        StageTask stage => stage.Properties.GetValueOrDefault("environment") ?? "none",
        UserTask user => user.Properties.GetValueOrDefault("environment") ?? "none",
        _ => "none",
    };

    private static string FailureText(GateDecision decision)
    {
        if (decision.Outcome == GateOutcome.Error)
        {
            return $"governance error: {decision.Error}";
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
