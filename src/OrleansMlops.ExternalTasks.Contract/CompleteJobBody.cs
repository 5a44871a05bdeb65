using System.Text.Json;

namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>
/// POST …/complete: the worker's results. Variables are plain JSON values (string, number or boolean); metrics are
/// what the next gate sees; datasets maps data set id → version; the engine keeps the log's last 4,000 characters.
/// </summary>
public sealed record CompleteJobBody(
    string? WorkerId,
    Dictionary<string, JsonElement>? Variables,
    Dictionary<string, double>? Metrics,
    ArtifactBody? Artifact,
    Dictionary<string, string>? Datasets,
    string? Log,
    ModelBody? Model);
