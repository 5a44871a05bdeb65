namespace OrleansMlops.Abstractions.Workflows;

public enum TransitionStepKind
{
    ProcessStarted,
    NodeEntered,
    NodeLeft,
    FlowTaken,
    TimerScheduled,
    TimerCancelled,
    TimerFired,
    StageFailed,
    RetryScheduled,
    ProcessCompleted,
    ProcessTerminated,
    ProcessFailed,
    IncidentRaised,
    IncidentRetried,
}

/// <summary>One thing that happened while the interpreter applied an event; the run's history and audit are made of these.</summary>
[GenerateSerializer, Immutable, Alias("mlops.transition-step")]
public sealed record TransitionStep(
    [property: Id(0)] TransitionStepKind Kind,
    [property: Id(1)] string? NodeId,
    [property: Id(2)] string? TokenId,
    [property: Id(3)] string? Detail);
