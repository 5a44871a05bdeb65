using System.Text.Json;

namespace OrleansMlops.Governance.Loading;

/// <summary>A RulesEngine rule as written. <see cref="Properties"/> is free metadata (e.g. the legal source).</summary>
internal sealed class RuleDocument
{
    public string? RuleName { get; set; }

    public string? Expression { get; set; }

    public string? ErrorMessage { get; set; }

    public bool? Enabled { get; set; }

    public string? RuleExpressionType { get; set; }

    public string? SuccessEvent { get; set; }

    public Dictionary<string, JsonElement>? Properties { get; set; }

    public string? Operator { get; set; }

    public JsonElement? Rules { get; set; }

    public JsonElement? LocalParams { get; set; }

    public JsonElement? Actions { get; set; }

    public JsonElement? WorkflowsToInject { get; set; }
}
