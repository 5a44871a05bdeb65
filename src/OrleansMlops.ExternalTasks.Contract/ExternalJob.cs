using System.Text.Json;

namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>
/// One attempt of one stage task the engine hands to workers. Variables are the run's, as plain JSON values (string,
/// number or boolean); task properties are the task's <c>mlops:*</c> attributes.
/// </summary>
public sealed record ExternalJob(
    string JobId,
    string Topic,
    string RunId,
    string NodeId,
    string Stage,
    int Attempt,
    IReadOnlyDictionary<string, JsonElement> Variables,
    IReadOnlyDictionary<string, string> TaskProperties,
    ModelVersionReference? Model,
    DateTimeOffset CreatedAt);
