using OrleansMlops.Abstractions.Governance.Proposals;

namespace OrleansMlops.Grains.Governance;

[GenerateSerializer, Alias("mlops.rule-set-change-state")]
public sealed class RuleSetChangeState : IChainedAuditState
{
    /// <summary>The pending proposals, oldest first; a decided one is read back from its audit record.</summary>
    [Id(0)]
    public List<RuleSetProposal> Proposals { get; set; } = [];

    /// <summary>The candidate bytes of pending proposals; a decided proposal's bytes live on in its audit record.</summary>
    [Id(1)]
    public Dictionary<string, byte[]> PendingContent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per rule set, the highest version the trail has chained, so each version is chained once.</summary>
    [Id(2)]
    public Dictionary<string, int> ChainedVersions { get; set; } = new(StringComparer.Ordinal);

    [Id(3)]
    public long AuditSequence { get; set; }

    [Id(4)]
    public string? AuditHeadHash { get; set; }

    /// <summary>How many proposals were ever made, which numbers the next; 0 in a state that still kept every proposal.</summary>
    [Id(5)]
    public int ProposalsMade { get; set; }
}
