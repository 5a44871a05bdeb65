using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Fixtures;

/// <summary>
/// The result of running a rule set version's fixtures. <paramref name="Error"/> is set when the fixtures could not be
/// run at all (no fixtures file, unreadable, for another rule set); such a report never passes, and neither does one
/// without cases.
/// </summary>
public sealed record FixtureReport(
    string RuleSetId,
    RuleSetRef Version,
    string FixturesFile,
    ImmutableArray<FixtureCaseResult> Cases,
    string? Error)
{
    public int PassedCount => Cases.Count(c => c.Passed);

    public int FailedCount => Cases.Length - PassedCount;

    public bool Passed => Error is null && !Cases.IsEmpty && FailedCount == 0;
}
