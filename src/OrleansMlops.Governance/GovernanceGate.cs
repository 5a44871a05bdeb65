using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Evaluation;

namespace OrleansMlops.Governance;

/// <summary>
/// Evaluates every rule set that gates the input's transition at <c>input.Now</c> and records the decision.
/// Allowed only when every rule ran and passed (or no rule set applies to a transition that is not required);
/// Blocked when a rule returned false; Error (a governance error, which blocks too) when a rule could not be
/// evaluated, the evaluation exceeded <see cref="GovernanceOptions.EvaluationBudget"/>, a refused file with no version
/// in force declares the transition, no rule set in force governs a required transition, or anything else goes
/// wrong. Each decision gets a fresh id (Guid "N"): a retried gate is a new decision, and the engine stores the one it
/// acted on.
/// </summary>
public sealed class GovernanceGate : IGovernanceGate
{
    private readonly RuleSetCatalog _catalog;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GovernanceGate> _logger;
    private readonly GateEvaluationSettings _settings;

    public GovernanceGate(RuleSetCatalog catalog, IOptions<GovernanceOptions> options, TimeProvider timeProvider, ILogger<GovernanceGate> logger)
    {
        _catalog = catalog;
        _timeProvider = timeProvider;
        _logger = logger;
        _settings = GateEvaluationSettings.From(options.Value, timeProvider);
    }

    public async Task<GateDecision> EvaluateAsync(string runId, string? nodeId, GateInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(input);
        var started = _timeProvider.GetTimestamp();
        var decisionId = TimeOrderedId.New(_timeProvider.GetUtcNow());
        var evaluation = new GateEvaluationResult([], [], []);
        var inputJson = "null";
        try
        {
            inputJson = GateInputJson.Serialize(input);
            var invalid = GateEvaluation.InputProblem(runId, input);
            evaluation = invalid is not null
                ? evaluation with { Errors = [invalid] }
                : await GateEvaluation.EvaluateAsync(await _catalog.GetSnapshotAsync(cancellationToken), input, _settings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Fail closed: whatever broke, the transition does not happen.
            evaluation = evaluation with { Errors = [.. evaluation.Errors, new GovernanceException(GovernancePhase.Evaluate, "governance error: " + ex.Message, innerException: ex).Message] };
            GovernanceLog.EvaluationFailed(_logger, runId, input.Transition, decisionId, ex);
        }

        var decision = new GateDecision(
            decisionId,
            runId,
            input.Transition,
            nodeId,
            evaluation.Outcome,
            evaluation.RuleSets,
            evaluation.Results,
            inputJson,
            input.Now,
            _timeProvider.GetElapsedTime(started).TotalMilliseconds,
            evaluation.Errors.IsEmpty ? null : string.Join(" | ", evaluation.Errors));
        Log(decision);
        return decision;
    }

    private void Log(GateDecision decision)
    {
        switch (decision.Outcome)
        {
            case GateOutcome.Allowed:
                GovernanceLog.DecisionAllowed(_logger, decision.RunId, decision.Transition, decision.DecisionId, decision.RuleSets.Length, decision.DurationMs);
                break;
            case GateOutcome.Blocked:
                var failed = string.Join(", ", decision.Results.Where(r => !r.Passed).Select(r => $"{r.RuleSetId}/{r.RuleName}"));
                GovernanceLog.DecisionBlocked(_logger, decision.RunId, decision.Transition, decision.DecisionId, failed);
                break;
            default:
                if (decision.Error?.Contains(GateEvaluation.BudgetExceeded(_settings.Budget), StringComparison.Ordinal) == true)
                {
                    GovernanceLog.BudgetExceeded(_logger, decision.RunId, decision.Transition, decision.DecisionId, _settings.Budget.TotalMilliseconds);
                }

                GovernanceLog.DecisionError(_logger, decision.RunId, decision.Transition, decision.DecisionId, decision.Error);
                break;
        }
    }
}
