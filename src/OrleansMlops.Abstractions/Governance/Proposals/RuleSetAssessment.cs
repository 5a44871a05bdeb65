using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Governance.Proposals;

/// <summary>
/// What the engine found when it checked a candidate rule set, so the second author decides on facts the proposer
/// cannot shape: its rules and scope (it passed loading, the safety check and compilation), its fixtures run against
/// the candidate itself, and a replay of recent decisions with the candidate in place of the version in force.
/// <see cref="Loosens"/> says that some decision that was blocked would now be allowed.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.rule-set-assessment")]
public sealed record RuleSetAssessment(
    [property: Id(0)] int RuleCount,
    [property: Id(1)] ImmutableArray<string> AppliesTo,
    [property: Id(2)] string FixturesFile,
    [property: Id(3)] int FixturesPassed,
    [property: Id(4)] int FixturesFailed,
    [property: Id(5)] ImmutableArray<string> FailedFixtures,
    [property: Id(6)] string? FixturesError,
    [property: Id(7)] int DecisionsReplayed,
    [property: Id(8)] int NewlyBlocked,
    [property: Id(9)] int NewlyAllowed,
    [property: Id(10)] ImmutableArray<string> NewlyAllowedDecisions)
{
    /// <summary>At most this many decision ids are kept per kind of change; the counts are always complete.</summary>
    public const int MaxListedDecisions = 20;

    public bool FixturesPass => FixturesError is null && FixturesFailed == 0 && FixturesPassed > 0;

    /// <summary>Approving would let through at least one recorded decision that was blocked or in error.</summary>
    public bool Loosens => NewlyAllowed > 0;
}
