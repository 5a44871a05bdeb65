using System.Text.Json;

namespace OrleansMlops.Workers;

// The request and answer bodies of /api/external-tasks, as the engine's JSON spells them.
internal sealed record FetchAndLockBody(string WorkerId, IReadOnlyCollection<string> Topics, int MaxTasks, int LockDurationMs, int AsyncResponseTimeoutMs);

internal sealed record CompleteBody(
    string WorkerId,
    IReadOnlyDictionary<string, JsonElement> Variables,
    IReadOnlyDictionary<string, double> Metrics,
    ArtifactReference? Artifact,
    IReadOnlyDictionary<string, string> Datasets,
    string? Log);

internal sealed record FailBody(string WorkerId, string ErrorMessage, int Retries, int RetryTimeoutMs);

internal sealed record ExtendLockBody(string WorkerId, int NewDurationMs);

internal sealed record CompletionAnswer(string JobId, CompletionOutcome Outcome);
