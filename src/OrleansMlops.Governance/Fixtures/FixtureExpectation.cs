using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Fixtures;

/// <summary>What a fixture case expects: the rule set's outcome alone, and the result of the rules it names (others unchecked).</summary>
public sealed record FixtureExpectation(GateOutcome Outcome, ImmutableDictionary<string, bool> Rules);
