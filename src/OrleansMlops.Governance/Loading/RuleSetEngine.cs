using OrleansMlops.Governance.Evaluation;
using OrleansMlops.Governance.Expressions;
using RulesEngine.Models;
using RulesEngineCore = RulesEngine.RulesEngine;

namespace OrleansMlops.Governance.Loading;

/// <summary>Builds the RulesEngine instance of one rule set version and compiles its rules before activation.</summary>
internal static class RuleSetEngine
{
    /// <summary>The prefix RulesEngine gives a rule whose expression it could not parse (see LambdaExpressionBuilder).</summary>
    private const string ParseFailurePrefix = "Exception while parsing expression";

    public static RulesEngineCore Create(RuleSetDefinition definition)
    {
        var settings = new ReSettings
        {
            CustomTypes = RuleParameters.InputTypes,
            IsExpressionCaseSensitive = true,
            // With formatting off a rule that evaluated to false has an empty ExceptionMessage, and only a rule that
            // threw (or did not compile) has one: that is how the gate tells "blocked" from "could not evaluate".
            EnableFormattedErrorMessage = false,
            EnableExceptionAsErrorMessage = true,
            IgnoreException = false,
            // Without this a parse error silently becomes the constant false.
            EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
            EnableScopedParams = false,
            AutoExecuteActions = false,
        };
        var workflows = definition.Workflows.Select(w => new Workflow
        {
            WorkflowName = w.Name,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Rules = [.. w.Rules.Select(r => new Rule
            {
                RuleName = r.RuleName,
                Expression = r.Expression,
                ErrorMessage = r.ErrorMessage,
                Enabled = r.Enabled,
                SuccessEvent = r.SuccessEvent,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
            })],
        });
        return new RulesEngineCore([.. workflows], settings);
    }

    /// <summary>
    /// Evaluates every workflow once so RulesEngine compiles its rules now (~200 ms cold) rather than on the first
    /// real decision. Returns the first rule RulesEngine could not parse, which our own check should have caught.
    /// </summary>
    public static async Task<(string RuleName, string Message)?> WarmUpAsync(
        RulesEngineCore engine, RuleSetDefinition definition, CancellationToken cancellationToken)
    {
        var parameters = RuleParameters.ForEvaluation(NeutralGateInput.Value);
        foreach (var workflow in definition.Workflows)
        {
            var results = await engine.ExecuteAllRulesAsync(workflow.Name, parameters, cancellationToken);
            var unparsed = results.FirstOrDefault(r => r.ExceptionMessage?.StartsWith(ParseFailurePrefix, StringComparison.Ordinal) == true);
            if (unparsed is not null)
            {
                return (unparsed.Rule.RuleName, unparsed.ExceptionMessage);
            }
        }

        return null;
    }
}
