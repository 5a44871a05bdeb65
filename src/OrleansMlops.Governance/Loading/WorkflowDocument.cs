using System.Text.Json;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// A RulesEngine workflow as written (RulesEngine's own PascalCase names). Members that RulesEngine accepts but we
/// refuse are declared so the refusal can say why instead of "unknown property".
/// </summary>
internal sealed class WorkflowDocument
{
    public string? WorkflowName { get; set; }

    /// <summary>Ours, not RulesEngine's: the transitions of the header's <c>appliesTo</c> this workflow gates (all when absent).</summary>
    public List<string?>? AppliesTo { get; set; }

    public string? RuleExpressionType { get; set; }

    public List<RuleDocument?>? Rules { get; set; }

    public JsonElement? GlobalParams { get; set; }

    public JsonElement? WorkflowsToInject { get; set; }

    public JsonElement? WorkflowRulesToInject { get; set; }
}
