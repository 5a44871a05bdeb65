namespace OrleansMlops.Abstractions.Runs;

public enum RunErrorCode
{
    NotFound,
    AlreadyStarted,
    UnknownWorkflow,
    InvalidRequest,
    WrongState,
    UnknownTask,
    NotPermitted,
    GateRefused,
}
