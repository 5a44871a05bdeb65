namespace OrleansMlops.Host.Api;

/// <summary>One rule's verdict within a decision, with the version of its rule set the decision used.</summary>
public sealed record DecisionRuleResult(string RuleSetId, int? RuleSetVersion, string RuleName, bool Passed, string? Message);
