namespace OrleansMlops.Abstractions.Governance.Proposals;

public enum ProposalErrorCode
{
    /// <summary>The command is malformed (a missing reason, an empty candidate).</summary>
    InvalidRequest,

    /// <summary>The caller does not hold the permission the change needs.</summary>
    NotPermitted,

    /// <summary>The proposer tried to approve their own change: a second person must.</summary>
    SecondPersonRequired,

    NotFound,

    AlreadyDecided,

    /// <summary>What is in force changed after the proposal was assessed; its assessment no longer says what approving does.</summary>
    Stale,

    /// <summary>The candidate is already what is in force: there is nothing to propose.</summary>
    Unchanged,

    /// <summary>The candidate itself is refused (load, schema, safety or compile): <see cref="ProposalException.Refusal"/> says where.</summary>
    CandidateRefused,
}
