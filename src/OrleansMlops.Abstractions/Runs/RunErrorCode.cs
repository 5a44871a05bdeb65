using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Runs;

public enum RunErrorCode
{
    [Failure(FailureKind.NotFound, "Run not found")]
    NotFound,

    [Failure(FailureKind.Conflict, "Run already started")]
    AlreadyStarted,

    [Failure(FailureKind.NotFound, "Workflow not found")]
    UnknownWorkflow,

    [Failure(FailureKind.Invalid, "Invalid request")]
    InvalidRequest,

    [Failure(FailureKind.Conflict, "Run is in the wrong state")]
    WrongState,

    [Failure(FailureKind.NotFound, "Task not found")]
    UnknownTask,

    [Failure(FailureKind.Forbidden, "Not permitted")]
    NotPermitted,

    [Failure(FailureKind.Conflict, "Refused by governance")]
    GateRefused,
}
