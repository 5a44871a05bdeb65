using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Models;

public enum ModelVersionErrorCode
{
    /// <summary>The command is malformed: a bad alias name, a registration for another model.</summary>
    [Failure(FailureKind.Invalid, "Invalid request")]
    InvalidRequest,

    /// <summary>
    /// The version the command names is not registered. A conflict, not a 404: the version is named in the command
    /// (an alias's target, a deployment), not in the address.
    /// </summary>
    [Failure(FailureKind.Conflict, "Version not registered")]
    NotRegistered,

    /// <summary>Another run registered this version.</summary>
    [Failure(FailureKind.Conflict, "Version already registered")]
    AlreadyRegistered,

    /// <summary>The version's lifecycle does not allow the change (an alias on a candidate, a rejected version going live).</summary>
    [Failure(FailureKind.Conflict, "Version is in the wrong lifecycle state")]
    WrongLifecycle,

    /// <summary>The version belongs to another run, which alone may change it.</summary>
    [Failure(FailureKind.Forbidden, "Version belongs to another run")]
    OtherRun,

    /// <summary>A rollback named a version other than the one before the live one.</summary>
    [Failure(FailureKind.Conflict, "Not the version to roll back to")]
    NotRollbackTarget,
}
