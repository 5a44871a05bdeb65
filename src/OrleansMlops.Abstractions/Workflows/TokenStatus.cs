namespace OrleansMlops.Abstractions.Workflows;

/// <summary>Where a token stands at its node.</summary>
public enum TokenStatus
{
    /// <summary>At a stage task, waiting for the governance gate to allow entry.</summary>
    AwaitingGate,

    /// <summary>At a stage task whose gate allowed entry; the handler runs (again after a crash).</summary>
    Running,

    /// <summary>At a stage task whose handler failed; waits for the retry timer.</summary>
    RetryWaiting,

    /// <summary>At a user task, waiting for a person.</summary>
    WaitingForUser,

    /// <summary>At an intermediate timer catch event.</summary>
    WaitingForTimer,

    /// <summary>Arrived at a parallel join, waiting for the other branches.</summary>
    WaitingAtJoin,

    /// <summary>
    /// Stopped by an error that someone must fix (a gateway condition that cannot be evaluated, an artifact that fails
    /// its integrity check); <see cref="Token.Incident"/> says which. A retry of the run tries the node again.
    /// </summary>
    Incident,
}
