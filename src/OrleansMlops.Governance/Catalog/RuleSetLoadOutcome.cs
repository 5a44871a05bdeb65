using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// What a reload did with one file. <paramref name="Active"/> is the version in force afterwards (for a refusal,
/// the previous version kept, or null when there is none).
/// </summary>
public sealed record RuleSetLoadOutcome(
    string File,
    RuleSetLoadStatus Status,
    RuleSetRef? Active,
    GovernanceException? Error);
