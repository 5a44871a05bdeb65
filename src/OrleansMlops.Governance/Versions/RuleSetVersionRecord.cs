namespace OrleansMlops.Governance.Versions;

/// <summary>
/// One activation of a rule set: its version number (1, 2, … per id, never reused), the SHA-256 of the exact file
/// bytes, the file content itself, who activated it and when, and how (<see cref="RuleSetVersionSource"/>). Activating
/// content an earlier version already had creates a new version: the history says what was in force when.
/// </summary>
public sealed record RuleSetVersionRecord(
    string RuleSetId,
    int Version,
    string ContentHash,
    string Content,
    string ActivatedBy,
    DateTimeOffset ActivatedAt,
    string Source);
