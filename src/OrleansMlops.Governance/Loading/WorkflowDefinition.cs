using System.Collections.Immutable;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// A validated RulesEngine workflow of one rule set. <paramref name="AppliesTo"/> lists the transitions it gates, a
/// subset of the rule set's; a pack with rules for several transitions keeps one workflow per transition.
/// </summary>
internal sealed record WorkflowDefinition(string Name, ImmutableArray<string> AppliesTo, ImmutableArray<RuleDefinition> Rules)
{
    public bool Gates(string transition) => AppliesTo.Contains(transition, StringComparer.Ordinal);
}
