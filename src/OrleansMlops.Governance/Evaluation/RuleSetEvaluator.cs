using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using RulesEngine.Models;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>
/// Runs one rule set version with RulesEngine and turns its result trees into <see cref="RuleResult"/>s. A rule that
/// threw (a null member, a missing dictionary key) or did not compile is never a pass: it is reported as an error.
/// </summary>
internal static class RuleSetEvaluator
{
    public static async Task<RuleSetEvaluation> EvaluateAsync(
        ActiveRuleSet active, string transition, RuleParameter[] parameters, CancellationToken cancellationToken)
    {
        var ruleSet = active.RuleSet;
        var results = ImmutableArray.CreateBuilder<RuleResult>();
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var workflow in ruleSet.Definition.Workflows)
        {
            if (!workflow.Gates(transition))
            {
                continue;
            }

            var trees = await ruleSet.Engine.ExecuteAllRulesAsync(workflow.Name, parameters, cancellationToken);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                var name = tree.Rule.RuleName;
                seen.Add(name);

                // Formatting is off (see RuleSetEngine), so a non-empty ExceptionMessage always means the rule threw or
                // did not compile; only a rule that ran and returned false reports its ErrorMessage.
                if (!string.IsNullOrEmpty(tree.ExceptionMessage))
                {
                    results.Add(new RuleResult(ruleSet.Id, name, false, tree.ExceptionMessage));
                    errors.Add($"governance error: rule '{name}' of rule set '{ruleSet.Id}' v{active.Ref.Version} could not be evaluated: {tree.ExceptionMessage}");
                }
                else
                {
                    results.Add(new RuleResult(ruleSet.Id, name, tree.IsSuccess, tree.IsSuccess ? null : ruleSet.RulesByName[name].ErrorMessage));
                }
            }

            // Every enabled rule must answer; a rule RulesEngine skipped silently would otherwise count as passed.
            foreach (var missing in workflow.Rules.Where(r => r.Enabled && !seen.Contains(r.RuleName)))
            {
                results.Add(new RuleResult(ruleSet.Id, missing.RuleName, false, "RulesEngine returned no result for this rule."));
                errors.Add($"governance error: rule '{missing.RuleName}' of rule set '{ruleSet.Id}' v{active.Ref.Version} returned no result.");
            }
        }

        return new RuleSetEvaluation(results.ToImmutable(), errors.ToImmutable());
    }
}
