using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Expressions;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>
/// Evaluates one gate input against a catalog snapshot, within a time budget. Shared by the gate and the dry run, so a
/// dry run decides exactly as the gate would. Governance errors (refused files blocking the transition, a required
/// transition no rule set governs, a rule that could not be evaluated, the budget exceeded) are reported as errors,
/// distinct from rules that failed.
/// </summary>
internal static class GateEvaluation
{
    public static async Task<GateEvaluationResult> EvaluateAsync(
        RuleSetCatalogSnapshot snapshot, GateInput input, GateEvaluationSettings settings, CancellationToken cancellationToken)
    {
        var transition = input.Transition;
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var refused in snapshot.Blocking(transition))
        {
            errors.Add($"governance error: rule set file '{Path.GetFileName(refused.File)}' was refused and has no version in force, so the "
                + $"transitions it declares are blocked until it is fixed: {refused.Error.Message}");
        }

        if (settings.RequiredTransitions.Contains(transition, StringComparer.Ordinal) && !snapshot.Governs(transition))
        {
            errors.Add($"governance error: '{transition}' must be governed ({GovernanceOptions.Section}:RequiredTransitions), but no rule set in "
                + "force declares it. A rule pack file is missing or was removed: restore it in the policies folder.");
        }

        var applicable = snapshot.ApplicableTo(transition, input.Now).ToImmutableArray();
        var refs = applicable.Select(r => r.Ref).ToImmutableArray();
        if (errors.Count > 0)
        {
            return new GateEvaluationResult(refs, [], errors.ToImmutable());
        }

        // Rules run on the caller's thread: handing them to another thread to enforce the budget preemptively costs more
        // than the rules themselves (tens of microseconds of thread hop against ~20). The load-time safety checks bound
        // the cost of every rule; the budget is checked between rule sets and at the end, and a gate over budget is an
        // error whatever its rules said.
        var started = settings.TimeProvider.GetTimestamp();
        var result = await EvaluateRulesAsync(applicable, input, settings, started, cancellationToken);
        return result ?? new GateEvaluationResult(refs, [], [BudgetExceeded(settings.Budget)]);
    }

    /// <summary>Inputs that would make rules read the wrong run or nothing at all are an error, not a pass; null when fine.</summary>
    public static string? InputProblem(string runId, GateInput input)
    {
        if (input.Run is null || input.Model is null || input.Actor is null || input.Environment is null)
        {
            return "governance error: the gate input lacks its run, model, actor or environment facts.";
        }

        if (input.Run.RunId != runId)
        {
            return $"governance error: the gate input describes run '{input.Run.RunId}', not run '{runId}'.";
        }

        // A misspelt transition would match no rule set and pass every gate.
        return TransitionName.IsValid(input.Transition)
            ? null
            : $"governance error: '{input.Transition}' is not a transition name (\"approve\", \"monitor\", \"enter:<stage>\" or \"signoff:<name>\").";
    }

    public static string BudgetExceeded(TimeSpan budget) =>
        $"governance error: evaluation exceeded its time budget of {budget.TotalMilliseconds:0.###} ms ({GovernanceOptions.Section}:EvaluationBudget); "
        + "the transition is blocked. Check the rule sets in force for expensive rules.";

    /// <summary>The results, or null when the evaluation went over its budget.</summary>
    private static async Task<GateEvaluationResult?> EvaluateRulesAsync(
        ImmutableArray<ActiveRuleSet> applicable, GateInput input, GateEvaluationSettings settings, long started, CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<RuleResult>();
        var errors = ImmutableArray.CreateBuilder<string>();
        var parameters = RuleParameters.ForEvaluation(input);
        foreach (var ruleSet in applicable)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var evaluation = await RuleSetEvaluator.EvaluateAsync(ruleSet, input.Transition, parameters, cancellationToken);
            results.AddRange(evaluation.Results);
            errors.AddRange(evaluation.Errors);
            if (settings.TimeProvider.GetElapsedTime(started) > settings.Budget)
            {
                return null;
            }
        }

        return new GateEvaluationResult([.. applicable.Select(r => r.Ref)], results.ToImmutable(), errors.ToImmutable());
    }
}
