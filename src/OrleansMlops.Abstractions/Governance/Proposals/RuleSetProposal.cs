namespace OrleansMlops.Abstractions.Governance.Proposals;

/// <summary>
/// A change to a rule set waiting for, or decided by, a second compliance author. <paramref name="Replaces"/> is the
/// version in force when it was assessed (null: a new rule set); approval puts it in force as
/// <paramref name="Activated"/>. The candidate's bytes are kept until it is decided and always in the audit trail.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.rule-set-proposal")]
public sealed record RuleSetProposal(
    [property: Id(0)] string ProposalId,
    [property: Id(1)] string RuleSetId,
    [property: Id(2)] string ContentHash,
    [property: Id(3)] RuleSetRef? Replaces,
    [property: Id(4)] string ProposedBy,
    [property: Id(5)] DateTimeOffset ProposedAt,
    [property: Id(6)] string? Reason,
    [property: Id(7)] RuleSetAssessment Assessment,
    [property: Id(8)] ProposalStatus Status,
    [property: Id(9)] string? DecidedBy,
    [property: Id(10)] DateTimeOffset? DecidedAt,
    [property: Id(11)] string? DecisionComment,
    [property: Id(12)] RuleSetRef? Activated);
