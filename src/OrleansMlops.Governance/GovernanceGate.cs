using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Evaluation;
using OrleansMlops.Governance.Expressions;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance;

/// <summary>
/// Evaluates every rule set that gates the input's transition at <c>input.Now</c> and records the decision.
/// Allowed only when every rule ran and passed (or no rule set applies); Blocked when a rule returned false; Error
/// (which blocks too) when a rule could not be evaluated, a refused file with no version in force declares the
/// transition, or anything else goes wrong. Each decision gets a fresh id (Guid "N"): a retried gate is a new
/// decision, and the engine stores the one it acted on.
/// </summary>
public sealed class GovernanceGate(RuleSetCatalog catalog, TimeProvider timeProvider, ILogger<GovernanceGate> logger) : IGovernanceGate
{
    public async Task<GateDecision> EvaluateAsync(string runId, string? nodeId, GateInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(input);
        var started = timeProvider.GetTimestamp();
        var decisionId = Guid.NewGuid().ToString("N");
        var refs = ImmutableArray.CreateBuilder<RuleSetRef>();
        var results = ImmutableArray.CreateBuilder<RuleResult>();
        var errors = new List<string>();
        var inputJson = "null";
        try
        {
            inputJson = GateInputJson.Serialize(input);
            CheckInput(runId, input, errors);
            var snapshot = await catalog.GetSnapshotAsync(cancellationToken);
            foreach (var refused in snapshot.Blocking(input.Transition))
            {
                errors.Add($"rule set file '{Path.GetFileName(refused.File)}' was refused and has no version in force, so the "
                    + $"transitions it declares are blocked until it is fixed: {refused.Error.Message}");
            }

            if (errors.Count == 0)
            {
                var parameters = RuleParameters.ForEvaluation(input);
                foreach (var ruleSet in snapshot.ApplicableTo(input.Transition, input.Now))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    refs.Add(ruleSet.Ref);
                    var evaluation = await RuleSetEvaluator.EvaluateAsync(ruleSet, parameters, cancellationToken);
                    results.AddRange(evaluation.Results);
                    errors.AddRange(evaluation.Errors);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Fail closed: whatever broke, the transition does not happen.
            errors.Add(new GovernanceException(GovernancePhase.Evaluate, ex.Message, innerException: ex).Message);
            GovernanceLog.EvaluationFailed(logger, runId, input.Transition, decisionId, ex);
        }

        var outcome = errors.Count > 0 ? GateOutcome.Error
            : results.Any(r => !r.Passed) ? GateOutcome.Blocked
            : GateOutcome.Allowed;
        var decision = new GateDecision(
            decisionId,
            runId,
            input.Transition,
            nodeId,
            outcome,
            refs.ToImmutable(),
            results.ToImmutable(),
            inputJson,
            input.Now,
            timeProvider.GetElapsedTime(started).TotalMilliseconds,
            errors.Count > 0 ? string.Join(" | ", errors) : null);
        Log(decision);
        return decision;
    }

    /// <summary>Inputs that would make rules read the wrong run or nothing at all are an error, not a pass.</summary>
    private static void CheckInput(string runId, GateInput input, List<string> errors)
    {
        if (input.Run is null || input.Model is null || input.Actor is null)
        {
            errors.Add("the gate input lacks its run, model or actor facts.");
        }
        else if (input.Run.RunId != runId)
        {
            errors.Add($"the gate input describes run '{input.Run.RunId}', not run '{runId}'.");
        }

        // A misspelt transition would match no rule set and pass every gate.
        if (!TransitionName.IsValid(input.Transition))
        {
            errors.Add($"'{input.Transition}' is not a transition name (\"approve\" or \"enter:<stage>\").");
        }
    }

    private void Log(GateDecision decision)
    {
        switch (decision.Outcome)
        {
            case GateOutcome.Allowed:
                GovernanceLog.DecisionAllowed(logger, decision.RunId, decision.Transition, decision.DecisionId, decision.RuleSets.Length, decision.DurationMs);
                break;
            case GateOutcome.Blocked:
                var failed = string.Join(", ", decision.Results.Where(r => !r.Passed).Select(r => $"{r.RuleSetId}/{r.RuleName}"));
                GovernanceLog.DecisionBlocked(logger, decision.RunId, decision.Transition, decision.DecisionId, failed);
                break;
            default:
                GovernanceLog.DecisionError(logger, decision.RunId, decision.Transition, decision.DecisionId, decision.Error);
                break;
        }
    }
}
