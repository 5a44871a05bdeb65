using System.Collections.Immutable;

namespace OrleansMlops.Governance.Fixtures;

/// <summary>The fixtures of one rule set (<c>policies/&lt;id&gt;.fixtures.json</c>), read by <see cref="FixtureFileReader"/>.</summary>
public sealed record RuleSetFixtureFile(string RuleSet, ImmutableArray<FixtureCase> Cases);
