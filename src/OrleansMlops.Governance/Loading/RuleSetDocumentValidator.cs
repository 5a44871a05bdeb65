using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// Checks the header and the structure of a parsed rule set and refuses the RulesEngine features that run
/// expressions outside the ones we check (actions, local and global params, injected workflows).
/// </summary>
internal static partial class RuleSetDocumentValidator
{
    /// <summary>The only RulesEngine expression type; "LambdaExpression" is its default.</summary>
    private const string LambdaExpression = "LambdaExpression";

    public static RuleSetDefinition Validate(string file, RuleSetDocument document)
    {
        var id = document.Id;
        if (string.IsNullOrWhiteSpace(id) || !IdPattern().IsMatch(id))
        {
            throw Load(file, null, $"\"id\" must be 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit; got '{id}'.");
        }

        var title = Required(file, id, document.Title, "title");
        var owner = Required(file, id, document.Owner, "owner");
        var appliesTo = ValidateAppliesTo(file, id, document.AppliesTo);
        var window = ValidateWindow(file, id, document);

        if (document.Workflows is not { Count: > 0 })
        {
            throw Load(file, id, "\"workflows\" must hold at least one RulesEngine workflow.");
        }

        var workflowNames = new HashSet<string>(StringComparer.Ordinal);
        var ruleNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var workflows = ImmutableArray.CreateBuilder<WorkflowDefinition>();
        foreach (var workflow in document.Workflows)
        {
            workflows.Add(ValidateWorkflow(file, id, appliesTo, workflow, workflowNames, ruleNames));
        }

        var definition = new RuleSetDefinition(id, title, owner, appliesTo, window, workflows.ToImmutable());
        if (!definition.Rules.Any(r => r.Enabled))
        {
            throw Load(file, id, "every rule is disabled; a rule set that checks nothing would allow every transition it gates.");
        }

        return definition;
    }

    private static ImmutableArray<string> ValidateAppliesTo(string file, string id, List<string?>? appliesTo)
    {
        if (appliesTo is not { Count: > 0 })
        {
            throw Load(file, id, "\"appliesTo\" must list at least one transition, e.g. \"enter:deploy\" or \"approve\".");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = ImmutableArray.CreateBuilder<string>(appliesTo.Count);
        foreach (var transition in appliesTo)
        {
            if (!TransitionName.IsValid(transition))
            {
                throw Load(file, id, $"\"appliesTo\" holds '{transition}', which is not a transition: use \"approve\" or "
                    + "\"enter:<stage>\" with a lowercase stage name (e.g. \"enter:validate\").");
            }

            if (!seen.Add(transition!))
            {
                throw Load(file, id, $"\"appliesTo\" lists '{transition}' twice.");
            }

            ordered.Add(transition!);
        }

        return ordered.MoveToImmutable();
    }

    /// <summary>A workflow gates the transitions it lists, which must be among the rule set's; none listed means all of them.</summary>
    private static ImmutableArray<string> ValidateWorkflowAppliesTo(
        string file, string id, string workflowName, ImmutableArray<string> ruleSetAppliesTo, List<string?>? appliesTo)
    {
        if (appliesTo is null)
        {
            return ruleSetAppliesTo;
        }

        if (appliesTo.Count == 0)
        {
            throw Load(file, id, $"workflow '{workflowName}' has an empty \"AppliesTo\"; list the transitions it gates or leave it out to gate all of the rule set's.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transition in appliesTo)
        {
            if (transition is null || !ruleSetAppliesTo.Contains(transition, StringComparer.Ordinal))
            {
                throw Load(file, id, $"workflow '{workflowName}' \"AppliesTo\" holds '{transition}', which the rule set's \"appliesTo\" "
                    + $"({string.Join(", ", ruleSetAppliesTo)}) does not list; add it there or fix the workflow.");
            }

            if (!seen.Add(transition))
            {
                throw Load(file, id, $"workflow '{workflowName}' \"AppliesTo\" lists '{transition}' twice.");
            }
        }

        return [.. appliesTo!];
    }

    private static EffectiveWindow ValidateWindow(string file, string id, RuleSetDocument document)
    {
        if (!EffectiveWindow.TryParse(document.EffectiveFrom, out var from))
        {
            throw Load(file, id, $"\"effectiveFrom\" '{document.EffectiveFrom}' is not an ISO 8601 date (yyyy-MM-dd) or date-time.");
        }

        if (!EffectiveWindow.TryParse(document.EffectiveUntil, out var until))
        {
            throw Load(file, id, $"\"effectiveUntil\" '{document.EffectiveUntil}' is not an ISO 8601 date (yyyy-MM-dd) or date-time.");
        }

        if (from is not null && until is not null && until <= from)
        {
            throw Load(file, id, $"\"effectiveUntil\" ({until:O}) must be after \"effectiveFrom\" ({from:O}).");
        }

        return new EffectiveWindow(from, until);
    }

    private static WorkflowDefinition ValidateWorkflow(
        string file, string id, ImmutableArray<string> ruleSetAppliesTo, WorkflowDocument? workflow, HashSet<string> workflowNames, HashSet<string> ruleNames)
    {
        if (workflow is null || string.IsNullOrWhiteSpace(workflow.WorkflowName))
        {
            throw Load(file, id, "every workflow needs a \"WorkflowName\".");
        }

        var name = workflow.WorkflowName;
        if (!workflowNames.Add(name))
        {
            throw Load(file, id, $"workflow '{name}' is defined twice.");
        }

        // Global params are expressions RulesEngine evaluates before every rule; injected workflows pull in rules
        // from elsewhere. Either would run expressions this loader never checked.
        if (IsPresent(workflow.GlobalParams))
        {
            throw Safety(file, id, null, $"workflow '{name}' declares GlobalParams, which are expressions run before every rule; "
                + "write the condition into each rule's Expression instead.");
        }

        if (IsPresent(workflow.WorkflowsToInject) || IsPresent(workflow.WorkflowRulesToInject))
        {
            throw Safety(file, id, null, $"workflow '{name}' injects other workflows, whose rules would not be checked with this file; "
                + "copy the rules in instead.");
        }

        CheckExpressionType(file, id, null, workflow.RuleExpressionType);
        if (workflow.Rules is not { Count: > 0 })
        {
            throw Load(file, id, $"workflow '{name}' has no rules.");
        }

        var rules = ImmutableArray.CreateBuilder<RuleDefinition>();
        foreach (var rule in workflow.Rules)
        {
            var definition = ValidateRule(file, id, name, rule);
            if (!ruleNames.Add(definition.RuleName))
            {
                throw Load(file, id, $"rule '{definition.RuleName}' is defined twice (rule names are unique in a rule set, ignoring case).",
                    definition.RuleName);
            }

            rules.Add(definition);
        }

        return new WorkflowDefinition(name, ValidateWorkflowAppliesTo(file, id, name, ruleSetAppliesTo, workflow.AppliesTo), rules.ToImmutable());
    }

    private static RuleDefinition ValidateRule(string file, string id, string workflowName, RuleDocument? rule)
    {
        if (rule is null || string.IsNullOrWhiteSpace(rule.RuleName))
        {
            throw Load(file, id, $"every rule in workflow '{workflowName}' needs a \"RuleName\".");
        }

        var name = rule.RuleName;

        // Actions (OnSuccess/OnFailure) and LocalParams are expressions too, run by RulesEngine after or before the
        // rule; refusing them keeps "the rule's Expression" the only code a rule set can run.
        if (IsPresent(rule.Actions))
        {
            throw Safety(file, id, name, "rule declares Actions (OnSuccess/OnFailure), which run expressions or custom code "
                + "after the rule; a gate rule only decides pass or fail, so remove the Actions.", rule.Expression);
        }

        if (IsPresent(rule.LocalParams))
        {
            throw Safety(file, id, name, "rule declares LocalParams, which are expressions evaluated before the rule; "
                + "write the condition into the rule's Expression instead.", rule.Expression);
        }

        if (IsPresent(rule.WorkflowsToInject))
        {
            throw Safety(file, id, name, "rule injects other workflows, whose rules would not be checked with this file.", rule.Expression);
        }

        // Nested rules report no messages of their own (RulesEngine leaves child messages empty), so a compliance
        // officer would not learn which condition failed: one rule, one condition, one message.
        if (IsPresent(rule.Rules) || rule.Operator is not null)
        {
            throw Load(file, id, "nested rules (Operator/Rules) are not supported: write each condition as its own rule.", name);
        }

        CheckExpressionType(file, id, name, rule.RuleExpressionType);
        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            throw Load(file, id, "the rule has no Expression.", name, rule.Expression);
        }

        if (string.IsNullOrWhiteSpace(rule.ErrorMessage))
        {
            throw Load(file, id, "the rule has no ErrorMessage; a blocked transition must tell the compliance officer what to do.",
                name, rule.Expression);
        }

        // Messages are reported as written: RulesEngine's $(…) placeholders are not expanded here (they cost time per
        // failure and cannot be checked at load), so a placeholder would reach the officer verbatim.
        if (rule.ErrorMessage.Contains("$(", StringComparison.Ordinal))
        {
            throw Load(file, id, "the ErrorMessage uses a $(…) placeholder; messages are reported as written, so state the requirement in plain words.",
                name, rule.Expression);
        }

        return new RuleDefinition(workflowName, name, rule.Expression, rule.ErrorMessage, rule.Enabled ?? true, rule.SuccessEvent);
    }

    private static void CheckExpressionType(string file, string id, string? ruleName, string? expressionType)
    {
        if (expressionType is not null && expressionType != LambdaExpression)
        {
            throw Load(file, id, $"RuleExpressionType '{expressionType}' is not supported; only \"{LambdaExpression}\".", ruleName);
        }
    }

    private static string Required(string file, string id, string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Load(file, id, $"\"{field}\" is required.") : value;

    /// <summary>A JSON null, an empty array and an empty object all mean "not used".</summary>
    private static bool IsPresent(JsonElement? element) => element is { } value && value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    private static GovernanceException Load(string file, string? id, string reason, string? ruleName = null, string? expression = null) =>
        new(GovernancePhase.Load, reason, file, id, ruleName, expression);

    private static GovernanceException Safety(string file, string id, string? ruleName, string reason, string? expression = null) =>
        new(GovernancePhase.Safety, reason, file, id, ruleName, expression);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
