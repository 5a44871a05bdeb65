namespace OrleansMlops.Governance.DryRun;

/// <summary>
/// A rule whose result differs between the recorded decision and the dry run. A null side means the rule did not run
/// there (e.g. it is new in the candidate, or the candidate removed it).
/// </summary>
public sealed record RuleChange(string RuleSetId, string RuleName, bool? OldPassed, bool? NewPassed, string? NewMessage);
