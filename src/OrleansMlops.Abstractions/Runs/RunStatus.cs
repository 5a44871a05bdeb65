namespace OrleansMlops.Abstractions.Runs;

public enum RunStatus
{
    /// <summary>No run with this id was started.</summary>
    NotStarted,

    /// <summary>A stage is running or about to run.</summary>
    Running,

    /// <summary>A person must act on an open user task.</summary>
    WaitingForUser,

    /// <summary>Only timers (intermediate, retry) are pending.</summary>
    WaitingForTimer,

    /// <summary>A gate refused a transition; fix the cause and retry.</summary>
    Blocked,

    Completed,
    Terminated,
    Failed,

    /// <summary>A stage's job waits for an external worker (a topic's queue) to fetch and complete it.</summary>
    WaitingForWorker,
}
