namespace OrleansMlops.Abstractions.Runs;

/// <summary>A person's decision on an open user task of a run.</summary>
[GenerateSerializer, Immutable, Alias("mlops.complete-task-request")]
public sealed record CompleteTaskRequest(
    [property: Id(0)] string TaskId,
    [property: Id(1)] TaskDecision Decision,
    [property: Id(2)] Actor Actor,
    [property: Id(3)] string? Comment);
