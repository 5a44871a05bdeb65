using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Proposals;
using OrleansMlops.Governance.Versions;
using OrleansMlops.Governance;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Grains.Security;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Governance;

/// <summary>
/// Maker-checker for rule sets: one compliance author proposes, the engine assesses, a different one approves into
/// force (or anyone of them rejects with a reason). The single writer of the rule-set audit trail, which also chains
/// each version that came from the operator's policies folder, so every version in force is accounted for.
/// </summary>
public sealed partial class RuleSetChangeGrain(
    [DurableState("rule-set-changes")] IDurableState<RuleSetChangeState> state,
    RuleSetAssessor assessor,
    RuleSetCatalog catalog,
    IAuditStore auditStore,
    EngineClock clock,
    ILogger<RuleSetChangeGrain> logger) : Grain, IRuleSetChangeGrain
{
    private readonly List<AuditRecord> _sealed = [];

    private RuleSetChangeState S => state.State;

    public async Task<RuleSetProposal> Propose(string ruleSetId, byte[] content, string? reason, Actor proposer)
    {
        var author = await GrainFactory.Authorize(proposer, Permission.ActivateRuleSet);
        if (string.IsNullOrWhiteSpace(ruleSetId) || content is not { Length: > 0 })
        {
            throw Invalid("a proposal needs the rule set id and the candidate file's content.");
        }

        var why = ReviewText.Optional(reason, "reason");
        await ChainOperatorActivations();
        AssessedCandidate assessed;
        try
        {
            assessed = await assessor.AssessAsync(ruleSetId, content, CancellationToken.None);
        }
        catch (GovernanceException refused)
        {
            throw Refused(refused);
        }

        if (assessed.Unchanged)
        {
            throw new ProposalException(ProposalErrorCode.Unchanged,
                $"Rule set '{ruleSetId}' v{assessed.InForce!.Version} in force has exactly this content; there is nothing to propose.");
        }

        // A retried proposal (same author, same bytes, still pending) is the proposal already made, not a second one.
        if (S.Proposals.FirstOrDefault(p => p.Status == ProposalStatus.Pending && p.RuleSetId == ruleSetId
            && p.ContentHash == assessed.ContentHash && p.ProposedBy == author.Id) is { } existing)
        {
            return existing;
        }

        var proposal = new RuleSetProposal(
            $"rsp-{S.ProposalsMade + 1:D5}", ruleSetId, assessed.ContentHash, assessed.InForce, author.Id, clock.UtcNow, why,
            assessed.Assessment!, ProposalStatus.Pending, null, null, null, null);
        S.Proposals.Add(proposal);
        S.ProposalsMade++;
        S.PendingContent[proposal.ProposalId] = content;
        await Commit("rule-set-proposed", author.Id, proposal, new { proposal, content = Encoding.UTF8.GetString(content) });
        if (proposal.Assessment.Loosens)
        {
            RuleSetChangeLog.Loosens(logger, proposal.ProposalId, ruleSetId, proposal.Assessment.NewlyAllowed);
        }

        return proposal;
    }

    public async Task<RuleSetProposal> Approve(string proposalId, Actor approver, string? comment)
    {
        var author = await GrainFactory.Authorize(approver, Permission.ActivateRuleSet);
        var proposal = await Pending(proposalId);
        if (string.Equals(author.Id, proposal.ProposedBy, StringComparison.Ordinal))
        {
            throw new ProposalException(ProposalErrorCode.SecondPersonRequired,
                $"'{author.Id}' proposed '{proposalId}'; a second compliance author must approve it.");
        }

        var why = ReviewText.Optional(comment, "comment");
        await ChainOperatorActivations();
        var inForce = (await catalog.GetSnapshotAsync()).Find(proposal.RuleSetId)?.Ref;
        // In force as proposed already: an approval whose state write was lost after activation is completed, not refused.
        if (inForce?.ContentHash != proposal.ContentHash && inForce?.ContentHash != proposal.Replaces?.ContentHash)
        {
            throw new ProposalException(ProposalErrorCode.Stale,
                $"Rule set '{proposal.RuleSetId}' is at v{inForce?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} now, "
                + $"not the v{proposal.Replaces?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} '{proposalId}' was assessed against; "
                + "reject it and propose again, so the dry run compares with what is in force.");
        }

        ActiveRuleSetInfo activated;
        try
        {
            activated = await catalog.ActivateAsync(S.PendingContent[proposalId], author.Id, proposal.RuleSetId, RuleSetVersionSource.Api);
        }
        catch (GovernanceException refused)
        {
            throw Refused(refused);
        }

        var decided = proposal with
        {
            Status = ProposalStatus.Approved,
            DecidedBy = author.Id,
            DecidedAt = clock.UtcNow,
            DecisionComment = why,
            Activated = activated.Ref,
        };
        S.Proposals.RemoveAll(p => p.ProposalId == proposalId);
        S.PendingContent.Remove(proposalId);
        S.ChainedVersions[decided.RuleSetId] = Math.Max(S.ChainedVersions.GetValueOrDefault(decided.RuleSetId), activated.Ref.Version);
        await Commit("rule-set-proposal-approved", author.Id, decided, decided);
        return decided;
    }

    public async Task<RuleSetProposal> Reject(string proposalId, Actor author, string reason)
    {
        var rejecting = await GrainFactory.Authorize(author, Permission.ActivateRuleSet);
        var proposal = await Pending(proposalId);
        var why = ReviewText.Optional(reason, "reason") ?? throw Invalid("a rejection needs a reason: say what the proposer should change.");
        var decided = proposal with { Status = ProposalStatus.Rejected, DecidedBy = rejecting.Id, DecidedAt = clock.UtcNow, DecisionComment = why };
        S.Proposals.RemoveAll(p => p.ProposalId == proposalId);
        S.PendingContent.Remove(proposalId);
        var withdrawn = string.Equals(rejecting.Id, proposal.ProposedBy, StringComparison.Ordinal);
        await Commit(withdrawn ? "rule-set-proposal-withdrawn" : "rule-set-proposal-rejected", rejecting.Id, decided, decided);
        return decided;
    }

    public Task<RuleSetProposal?> Get(string proposalId) => FindProposal(proposalId);

    public Task<byte[]?> GetContent(string proposalId) => Task.FromResult(S.PendingContent.GetValueOrDefault(proposalId));

    public async Task<ImmutableArray<RuleSetProposal>> List(ProposalStatus? status, string? ruleSetId) =>
        [.. (await AllProposals())
            .Where(p => (status is null || p.Status == status) && (ruleSetId is null || p.RuleSetId == ruleSetId))
            .Reverse()];

    public Task<int> RecordOperatorActivations() => ChainOperatorActivations();

    public async Task<AuditVerification> VerifyAudit()
    {
        await ChainOperatorActivations();
        return await S.VerifyAsync(auditStore, IRuleSetChangeGrain.AuditStream);
    }

    /// <summary>
    /// Chains, in version order, each recorded version the trail has not named yet: versions from the policies folder
    /// (the operator's path, logged as such) and any other the trail missed, such as one activated by an approval
    /// whose state write was lost.
    /// </summary>
    private async Task<int> ChainOperatorActivations()
    {
        var versions = await catalog.GetAllVersionsAsync();
        var unchained = versions
            .Where(v => v.Version > S.ChainedVersions.GetValueOrDefault(v.RuleSetId))
            .OrderBy(v => v.ActivatedAt).ThenBy(v => v.RuleSetId, StringComparer.Ordinal).ThenBy(v => v.Version)
            .ToList();
        if (unchained.Count == 0)
        {
            return 0;
        }

        foreach (var version in unchained)
        {
            var previous = S.ChainedVersions.GetValueOrDefault(version.RuleSetId);
            S.ChainedVersions[version.RuleSetId] = Math.Max(previous, version.Version);
            var kind = version.Source == RuleSetVersionSource.File ? "rule-set-activated-by-operator" : "rule-set-version-recorded";
            S.Chain(_sealed, IRuleSetChangeGrain.AuditStream, kind, version.ActivatedBy, clock.UtcNow, new
            {
                ruleSetId = version.RuleSetId,
                version = version.Version,
                contentHash = version.ContentHash,
                source = version.Source,
                activatedBy = version.ActivatedBy,
                activatedAt = version.ActivatedAt,
            });
            // A new rule set only adds gates; a file replacing one in force could loosen it, which is worth an alert.
            if (version.Source == RuleSetVersionSource.File && previous > 0)
            {
                RuleSetChangeLog.OperatorChange(logger, version.RuleSetId, version.Version, previous, version.ActivatedBy);
            }
            else if (version.Source == RuleSetVersionSource.File)
            {
                RuleSetChangeLog.OperatorInstall(logger, version.RuleSetId, version.Version, version.ActivatedBy);
            }
        }

        await Persist("rule-set-versions-chained");
        return unchained.Count;
    }

    private async Task<RuleSetProposal> Pending(string proposalId)
    {
        var proposal = await FindProposal(proposalId)
            ?? throw new ProposalException(ProposalErrorCode.NotFound, $"No rule set proposal has id '{proposalId}'.");
        return proposal.Status == ProposalStatus.Pending
            ? proposal
            : throw new ProposalException(ProposalErrorCode.AlreadyDecided,
                $"Proposal '{proposalId}' was already {proposal.Status.ToString().ToLowerInvariant()} by {proposal.DecidedBy}.");
    }

    private static ProposalException Refused(GovernanceException refused) => new(
        new CandidateRefusal(refused.Phase.ToString(), refused.Reason, refused.RuleSetId, refused.RuleName, refused.Expression),
        refused.Message);

    private static ProposalException Invalid(string message) => new(ProposalErrorCode.InvalidRequest, message);

    private async Task Commit(string kind, string actor, RuleSetProposal proposal, object details)
    {
        S.Chain(_sealed, IRuleSetChangeGrain.AuditStream, kind, actor, clock.UtcNow, details);
        await Persist(kind);
        RuleSetChangeLog.Changed(logger, kind, proposal.ProposalId, proposal.RuleSetId, actor);
    }

    private async Task Persist(string kind)
    {
        try
        {
            await state.CommitSealedAsync(_sealed);
        }
        catch (Exception e)
        {
            RuleSetChangeLog.PersistFailed(logger, e, kind);
            throw;
        }
    }
}
