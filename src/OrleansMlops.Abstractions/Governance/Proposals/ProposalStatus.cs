namespace OrleansMlops.Abstractions.Governance.Proposals;

/// <summary>Where a proposed change to a control stands: waiting for a second person, or decided by one.</summary>
public enum ProposalStatus
{
    Pending,
    Approved,
    Rejected,
}
