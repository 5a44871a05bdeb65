using System.Collections.Immutable;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// The rule sets in force at one moment, the refused files that block transitions until fixed, and every current
/// refusal (including those whose previous version stays in force).
/// </summary>
public sealed record RuleSetCatalogSnapshot(
    ImmutableArray<ActiveRuleSet> RuleSets,
    ImmutableArray<RefusedRuleSetFile> Refused,
    ImmutableArray<RuleSetRefusal> Refusals)
{
    public static RuleSetCatalogSnapshot Empty { get; } = new([], [], []);

    /// <summary>Rule sets that gate <paramref name="transition"/> at <paramref name="now"/>, ordered by id.</summary>
    public IEnumerable<ActiveRuleSet> ApplicableTo(string transition, DateTimeOffset now) =>
        RuleSets.Where(r => r.RuleSet.IsApplicable(transition, now));

    /// <summary>Refused files with no version in force whose declared scope covers <paramref name="transition"/>.</summary>
    public IEnumerable<RefusedRuleSetFile> Blocking(string transition) => Refused.Where(r => r.Blocks(transition));

    /// <summary>Whether any rule set in force declares <paramref name="transition"/>, whatever its effective dates.</summary>
    public bool Governs(string transition) => RuleSets.Any(r => r.RuleSet.Declares(transition));

    public ActiveRuleSet? Find(string ruleSetId) => RuleSets.FirstOrDefault(r => r.Ref.RuleSetId == ruleSetId);

    /// <summary>This snapshot with <paramref name="candidate"/> in place of the rule set of its id (or added), as a dry run sees it.</summary>
    public RuleSetCatalogSnapshot With(ActiveRuleSet candidate) => this with
    {
        RuleSets = [.. RuleSets.Where(r => r.Ref.RuleSetId != candidate.Ref.RuleSetId).Append(candidate).OrderBy(r => r.Ref.RuleSetId, StringComparer.Ordinal)],
        Refused = [.. Refused.Where(r => r.RuleSetId != candidate.Ref.RuleSetId)],
    };
}
