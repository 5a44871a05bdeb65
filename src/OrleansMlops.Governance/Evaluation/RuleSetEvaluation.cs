using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>The results of one rule set on one input, and the rules that could not be evaluated.</summary>
internal sealed record RuleSetEvaluation(ImmutableArray<RuleResult> Results, ImmutableArray<string> Errors);
