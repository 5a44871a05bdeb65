namespace OrleansMlops.Governance.Loading;

/// <summary>One validated rule: its expression passed the safety checks and type-checks against the gate input.</summary>
public sealed record RuleDefinition(
    string WorkflowName,
    string RuleName,
    string Expression,
    string ErrorMessage,
    bool Enabled,
    string? SuccessEvent);
