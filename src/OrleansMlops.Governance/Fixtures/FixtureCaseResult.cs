using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Fixtures;

/// <summary>One case's verdict: passed when the outcome and every named rule came out as expected; otherwise the mismatches.</summary>
public sealed record FixtureCaseResult(
    string Name,
    bool Passed,
    GateOutcome ExpectedOutcome,
    GateOutcome ActualOutcome,
    ImmutableArray<string> Mismatches,
    ImmutableArray<RuleResult> Results);
