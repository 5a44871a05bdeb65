namespace OrleansMlops.Abstractions.Workflows;

/// <summary>A durable timer of a run. <paramref name="EventNodeId"/> is the timer event (boundary or intermediate) or, for retries, the stage task.</summary>
[GenerateSerializer, Immutable, Alias("mlops.timer")]
public sealed record PendingTimer(
    [property: Id(0)] string TimerId,
    [property: Id(1)] string TokenId,
    [property: Id(2)] string EventNodeId,
    [property: Id(3)] TimerKind Kind,
    [property: Id(4)] DateTimeOffset DueAt);
