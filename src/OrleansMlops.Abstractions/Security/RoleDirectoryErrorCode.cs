using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Security;

public enum RoleDirectoryErrorCode
{
    [Failure(FailureKind.Invalid, "Invalid request")]
    InvalidRequest,

    [Failure(FailureKind.Forbidden, "Not permitted")]
    NotPermitted,

    [Failure(FailureKind.Forbidden, "Nobody decides their own roles")]
    SelfGrant,

    [Failure(FailureKind.Forbidden, "A second admin must approve")]
    SecondAdminRequired,

    [Failure(FailureKind.NotFound, "Not found")]
    NotFound,

    [Failure(FailureKind.Conflict, "Already decided")]
    AlreadyDecided,

    /// <summary>The change would leave fewer than two admins able to act, so no grant could be approved again.</summary>
    [Failure(FailureKind.Conflict, "Too few admins would remain")]
    TooFewAdmins,
}
