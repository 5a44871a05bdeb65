using OrleansMlops.Abstractions.Governance.Proposals;

namespace OrleansMlops.Grains.Governance;

/// <summary>
/// Proposals as the rule-set audit stream tells them: the records that make and decide a proposal carry it as it is
/// after that change, so decided proposals are read back from there and the state keeps only the pending ones.
/// </summary>
public sealed partial class RuleSetChangeGrain
{
    private readonly AuditedItems<RuleSetProposal> _proposals = new(IRuleSetChangeGrain.AuditStream, "proposalId", "proposal", p => p.ProposalId);

    /// <summary>
    /// A state stored before decided proposals left it keeps them all: the stream already holds each, so it keeps the
    /// pending ones and the count that numbers the next, stored at once so that a failed change cannot bring the old shape back.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (S.ProposalsMade > 0 || S.Proposals.Count == 0)
        {
            return;
        }

        S.ProposalsMade = S.Proposals.Count;
        S.Proposals.RemoveAll(p => p.Status != ProposalStatus.Pending);
        await state.CommitAsync([]);
    }

    /// <summary>Every proposal ever made, oldest first, pending ones as the state has them.</summary>
    private async Task<IEnumerable<RuleSetProposal>> AllProposals()
    {
        var recorded = await _proposals.ReadAsync(auditStore, S.AuditSequence);
        var pending = S.Proposals.ToDictionary(p => p.ProposalId, StringComparer.Ordinal);
        return recorded.Select(p => pending.GetValueOrDefault(p.ProposalId) ?? p);
    }

    private async Task<RuleSetProposal?> FindProposal(string proposalId) =>
        S.Proposals.Find(p => p.ProposalId == proposalId) ?? (await AllProposals()).FirstOrDefault(p => p.ProposalId == proposalId);
}
