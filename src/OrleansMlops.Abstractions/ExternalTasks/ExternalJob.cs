using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>
/// Work a run hands to external workers: one attempt of one stage task whose BPMN names a <c>mlops:topic</c>. The id
/// is stable for that attempt, so creating it again after a crash finds the same job. Workers see the run variables,
/// the task's <c>mlops:*</c> attributes and the model version the run works on.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.external-job")]
public sealed record ExternalJob(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Topic,
    [property: Id(2)] string RunId,
    [property: Id(3)] string NodeId,
    [property: Id(4)] string Stage,
    [property: Id(5)] int Attempt,
    [property: Id(6)] ImmutableDictionary<string, Variable> Variables,
    [property: Id(7)] ImmutableDictionary<string, string> TaskProperties,
    [property: Id(8)] ModelVersionKey? Model,
    [property: Id(9)] DateTimeOffset CreatedAt);
