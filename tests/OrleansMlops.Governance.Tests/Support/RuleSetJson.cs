using System.Text.Json;

namespace OrleansMlops.Governance.Tests.Support;

/// <summary>Writes small single-rule rule set files for catalog and reload tests.</summary>
internal static class RuleSetJson
{
    public static string SingleRule(string id, string transition, string ruleName, string expression, string errorMessage = "Fix it.") =>
        JsonSerializer.Serialize(new
        {
            id,
            title = $"Test rule set {id}",
            owner = "governance-tests",
            appliesTo = new[] { transition },
            workflows = new[]
            {
                new { WorkflowName = id, Rules = new[] { new { RuleName = ruleName, Expression = expression, ErrorMessage = errorMessage } } },
            },
        });
}
