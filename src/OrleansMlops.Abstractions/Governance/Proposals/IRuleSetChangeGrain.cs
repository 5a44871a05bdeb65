using System.Collections.Immutable;
using Orleans.Concurrency;
using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Abstractions.Governance.Proposals;

/// <summary>
/// Changes to rule sets through people (key: <see cref="Key"/>). A compliance author proposes a candidate; the engine
/// assesses it (lint, the candidate's own fixtures, a dry run over recent decisions); a different compliance author
/// approves it into force or rejects it with a reason. Every step, and every rule set version that came into force
/// through the operator's policies folder, is chained into one audit trail (<see cref="AuditStream"/>).
/// </summary>
[Alias("mlops.IRuleSetChangeGrain")]
public interface IRuleSetChangeGrain : IGrainWithStringKey
{
    public const string Key = "default";

    public const string AuditStream = "governance:rule-sets";

    /// <summary>
    /// Assesses <paramref name="content"/> (the rule set file's exact bytes) as the next version of
    /// <paramref name="ruleSetId"/> and records it as pending. A candidate the loader refuses throws
    /// <c>GovernanceException</c> and records nothing; one equal to the version in force throws
    /// <see cref="ProposalException"/> (<see cref="ProposalErrorCode.Unchanged"/>).
    /// </summary>
    [Alias("Propose")]
    Task<RuleSetProposal> Propose(string ruleSetId, byte[] content, string? reason, Actor proposer);

    /// <summary>Puts a pending proposal in force; only a compliance author other than the proposer may.</summary>
    [Alias("Approve")]
    Task<RuleSetProposal> Approve(string proposalId, Actor approver, string? comment);

    /// <summary>Closes a pending proposal without change; a reason is required (the proposer may withdraw their own).</summary>
    [Alias("Reject")]
    Task<RuleSetProposal> Reject(string proposalId, Actor author, string reason);

    [Alias("Get"), ReadOnly]
    Task<RuleSetProposal?> Get(string proposalId);

    /// <summary>The candidate's bytes while the proposal is pending; null once decided (the audit trail keeps them).</summary>
    [Alias("GetContent"), ReadOnly]
    Task<byte[]?> GetContent(string proposalId);

    /// <summary>Proposals newest first, optionally of one status and one rule set.</summary>
    [Alias("List"), ReadOnly]
    Task<ImmutableArray<RuleSetProposal>> List(ProposalStatus? status, string? ruleSetId);

    /// <summary>
    /// Chains every rule set version recorded from a policies-folder file since the last call (the operator's path
    /// around proposals), so the trail names each. The host calls it after every reload; any call also does it first.
    /// </summary>
    [Alias("RecordOperatorActivations")]
    Task<int> RecordOperatorActivations();

    [Alias("VerifyAudit")]
    Task<AuditVerification> VerifyAudit();
}
