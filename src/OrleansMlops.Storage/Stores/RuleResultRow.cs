using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Storage.Stores;

/// <summary>
/// A gate_rule_results row; <see cref="RuleSetVersion"/> is the version of the rule set the decision used.
/// <see cref="Passed"/> is a boolean column in PostgreSQL; SQLite keeps a bool parameter as 0/1, which Dapper reads back as bool.
/// </summary>
internal sealed class RuleResultRow
{
    public string DecisionId { get; set; } = "";
    public long Ordinal { get; set; }
    public string RuleSetId { get; set; } = "";
    public long? RuleSetVersion { get; set; }
    public string RuleName { get; set; } = "";
    public bool Passed { get; set; }
    public string? Message { get; set; }

    public static IEnumerable<RuleResultRow> From(GateDecision decision) =>
        (decision.Results.IsDefault ? [] : decision.Results).Select((result, ordinal) => new RuleResultRow
        {
            DecisionId = decision.DecisionId,
            Ordinal = ordinal,
            RuleSetId = result.RuleSetId,
            RuleSetVersion = decision.RuleSets.IsDefault
                ? null
                : decision.RuleSets.FirstOrDefault(r => r.RuleSetId == result.RuleSetId)?.Version,
            RuleName = result.RuleName,
            Passed = result.Passed,
            Message = result.Message,
        });

    public RuleResult ToResult() => new(RuleSetId, RuleName, Passed, Message);
}
