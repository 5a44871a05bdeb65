using System.Collections.Immutable;

namespace OrleansMlops.Governance.Loading;

/// <summary>A validated RulesEngine workflow of one rule set.</summary>
internal sealed record WorkflowDefinition(string Name, ImmutableArray<RuleDefinition> Rules);
