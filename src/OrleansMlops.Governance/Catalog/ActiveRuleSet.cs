using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Catalog;

/// <summary>A rule set version in force: its reference (id, version, content hash), its compiled rules, and its activation.</summary>
public sealed record ActiveRuleSet(RuleSetRef Ref, LoadedRuleSet RuleSet, string ActivatedBy, DateTimeOffset ActivatedAt, string Source)
{
    public string File => RuleSet.File;

    public ActiveRuleSetInfo Describe() => new(
        Ref,
        RuleSet.Title,
        RuleSet.Owner,
        RuleSet.AppliesTo,
        RuleSet.EffectiveFrom,
        RuleSet.EffectiveUntil,
        RuleSet.EffectiveDatesConfigured,
        Path.GetFileName(File),
        ActivatedBy,
        ActivatedAt,
        Source);
}
