namespace OrleansMlops.Abstractions.Workflows;

public enum TimerKind
{
    /// <summary>An interrupting boundary timer on a user task.</summary>
    Boundary,

    /// <summary>An intermediate timer catch event.</summary>
    Intermediate,

    /// <summary>The backoff before a failed stage is retried.</summary>
    Retry,
}
