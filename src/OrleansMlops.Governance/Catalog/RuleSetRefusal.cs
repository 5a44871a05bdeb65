using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// A rule set file whose current content was refused: which file (name in the policies folder), the rule set id it
/// declares if readable, the phase and full message, when it was first refused, the SHA-256 of the refused bytes (null
/// when they could not be read), and the version kept in force instead (null: none, so its transitions are blocked).
/// </summary>
public sealed record RuleSetRefusal(
    string File,
    string? RuleSetId,
    GovernancePhase Phase,
    string Message,
    DateTimeOffset RefusedAt,
    string? ContentHash,
    RuleSetRef? InForce);
