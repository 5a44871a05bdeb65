namespace OrleansMlops.Governance.Expressions;

/// <summary>Why an expression may not run, and whether that is a compile error or a safety refusal.</summary>
internal sealed record ExpressionRefusal(GovernancePhase Phase, string Reason);
