using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Governance.Proposals;

public enum ProposalErrorCode
{
    /// <summary>The command is malformed (a missing reason, an empty candidate).</summary>
    [Failure(FailureKind.Invalid, "Invalid request")]
    InvalidRequest,

    /// <summary>The caller does not hold the permission the change needs.</summary>
    [Failure(FailureKind.Forbidden, "Not permitted")]
    NotPermitted,

    /// <summary>The proposer tried to approve their own change: a second person must.</summary>
    [Failure(FailureKind.Forbidden, "A second person must approve")]
    SecondPersonRequired,

    [Failure(FailureKind.NotFound, "Not found")]
    NotFound,

    [Failure(FailureKind.Conflict, "Already decided")]
    AlreadyDecided,

    /// <summary>What is in force changed after the proposal was assessed; its assessment no longer says what approving does.</summary>
    [Failure(FailureKind.Conflict, "Proposal is out of date")]
    Stale,

    /// <summary>The candidate is already what is in force: there is nothing to propose.</summary>
    [Failure(FailureKind.Conflict, "Already in force")]
    Unchanged,

    /// <summary>The candidate itself is refused (load, schema, safety or compile): <see cref="ProposalException.Refusal"/> says where.</summary>
    [Failure(FailureKind.InvalidContent, "Rule set refused")]
    CandidateRefused,
}
