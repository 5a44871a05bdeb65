using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Catalog;

/// <summary>A rule set version in force: its reference (id, version, content hash) and its compiled rules.</summary>
public sealed record ActiveRuleSet(RuleSetRef Ref, LoadedRuleSet RuleSet)
{
    public string File => RuleSet.File;
}
