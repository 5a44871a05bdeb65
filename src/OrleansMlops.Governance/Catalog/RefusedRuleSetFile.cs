using System.Collections.Immutable;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// A file that was refused and has no earlier version in force. Its rules are not enforced, so the gate blocks the
/// transitions it declares (<paramref name="AppliesTo"/>), or every transition when the file is too broken to say
/// which (null): a broken policy must not let approvals through.
/// </summary>
public sealed record RefusedRuleSetFile(
    string File,
    string? RuleSetId,
    ImmutableArray<string>? AppliesTo,
    GovernanceException Error)
{
    public bool Blocks(string transition) => AppliesTo is not { } declared || declared.Contains(transition, StringComparer.Ordinal);
}
