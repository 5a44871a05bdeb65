using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Runs;

/// <summary>A user task waiting for a person with one of <paramref name="CandidateRoles"/>. <paramref name="TaskId"/> is the user task's node id.</summary>
[GenerateSerializer, Immutable, Alias("mlops.open-task")]
public sealed record OpenTask(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string? Name,
    [property: Id(2)] ImmutableArray<string> CandidateRoles,
    [property: Id(3)] DateTimeOffset? DueAt);
