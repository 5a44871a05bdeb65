using System.Collections.Immutable;

namespace OrleansMlops.Governance.Catalog;

/// <summary>The rule sets in force at one moment, and the refused files that block transitions until fixed.</summary>
public sealed record RuleSetCatalogSnapshot(ImmutableArray<ActiveRuleSet> RuleSets, ImmutableArray<RefusedRuleSetFile> Refused)
{
    public static RuleSetCatalogSnapshot Empty { get; } = new([], []);

    /// <summary>Rule sets that gate <paramref name="transition"/> at <paramref name="now"/>, ordered by id.</summary>
    public IEnumerable<ActiveRuleSet> ApplicableTo(string transition, DateTimeOffset now) =>
        RuleSets.Where(r => r.RuleSet.IsApplicable(transition, now));

    /// <summary>Refused files with no version in force whose declared scope covers <paramref name="transition"/>.</summary>
    public IEnumerable<RefusedRuleSetFile> Blocking(string transition) => Refused.Where(r => r.Blocks(transition));

    public ActiveRuleSet? Find(string ruleSetId) => RuleSets.FirstOrDefault(r => r.Ref.RuleSetId == ruleSetId);
}
