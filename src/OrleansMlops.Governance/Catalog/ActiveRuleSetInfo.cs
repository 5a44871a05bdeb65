using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// A rule set in force as the API shows it: version, header, the effective window in force (from the file, or from
/// <c>Governance:EffectiveDates</c> when <paramref name="EffectiveDatesConfigured"/>), its file name, and who
/// activated this version when, and how ("file": the operator's policies folder; "api": a proposal a second author approved).
/// </summary>
public sealed record ActiveRuleSetInfo(
    RuleSetRef Ref,
    string Title,
    string Owner,
    ImmutableArray<string> AppliesTo,
    DateTimeOffset? EffectiveFrom,
    DateTimeOffset? EffectiveUntil,
    bool EffectiveDatesConfigured,
    string File,
    string ActivatedBy,
    DateTimeOffset ActivatedAt,
    string Source);
