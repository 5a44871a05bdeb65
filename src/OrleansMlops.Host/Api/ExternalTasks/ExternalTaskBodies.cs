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
    string? Log);

/// <summary>POST …/failure: why, and how often and when to try again.</summary>
public sealed record FailJobBody(string? WorkerId, string? ErrorMessage, int? Retries, int? RetryTimeoutMs);

/// <summary>POST …/extend-lock.</summary>
public sealed record ExtendLockBody(string? WorkerId, int? NewDurationMs);

/// <summary>The answer to a completion: applied now, or acknowledged as a duplicate.</summary>
public sealed record CompletionAnswer(string JobId, string Outcome);
