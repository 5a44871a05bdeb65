using System.Text.Json;

namespace OrleansMlops.Host.Api.ExternalTasks;

/// <summary>POST /api/external-tasks/fetch-and-lock: which topics, how many jobs, how long to hold them, how long to wait for one.</summary>
public sealed record FetchAndLockBody(string? WorkerId, string[]? Topics, int? MaxTasks, int? LockDurationMs, int? AsyncResponseTimeoutMs);

/// <summary>The artifact a worker produced.</summary>
public sealed record ArtifactBody(string? Uri, string? Sha256);

/// <summary>POST …/complete: the worker's results.</summary>
public sealed record CompleteJobBody(
    string? WorkerId,
    Dictionary<string, JsonElement>? Variables,
    Dictionary<string, double>? Metrics,
    ArtifactBody? Artifact,
    Dictionary<string, string>? Datasets,
    string? Log,
    ModelBody? Model);

/// <summary>A data file of a trained model's lineage.</summary>
public sealed record DatasetFileBody(string? Role, string? Path, string? Sha256, long? Rows);

/// <summary>A model the worker trained: registered as the run's new version with this lineage and the completion's artifact.</summary>
public sealed record ModelBody(
    string? Name,
    string? DatasetId,
    string? DatasetVersion,
    DatasetFileBody[]? Files,
    string? CodeCommit,
    Dictionary<string, string>? Parameters,
    Dictionary<string, string>? Environment,
    string[]? ProtectedAttributes);

/// <summary>POST …/failure: why, and how often and when to try again.</summary>
public sealed record FailJobBody(string? WorkerId, string? ErrorMessage, int? Retries, int? RetryTimeoutMs);

/// <summary>POST …/extend-lock.</summary>
public sealed record ExtendLockBody(string? WorkerId, int? NewDurationMs);

/// <summary>The answer to a completion: applied now, or acknowledged as a duplicate.</summary>
public sealed record CompletionAnswer(string JobId, string Outcome);
