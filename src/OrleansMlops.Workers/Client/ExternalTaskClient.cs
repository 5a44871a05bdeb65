using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Workers;

/// <summary>
/// The engine's external task API over HTTP (a typed HttpClient): fetch and lock, complete, fail, extend the lock,
/// look a job up. Every call names this worker and carries the service's API key; a refusal becomes an
/// <see cref="ExternalTaskClientException"/> with the problem document's status, title, detail and code (401: the key
/// is missing or unknown; 403: the service does not hold the worker role).
/// </summary>
public sealed class ExternalTaskClient(HttpClient http, IOptions<ExternalTaskWorkerOptions> options)
{
    public const string ApiKeyHeader = "X-Api-Key";

    private const string Root = "api/external-tasks";

    private readonly ExternalTaskWorkerOptions _options = options.Value;

    public string WorkerId => _options.WorkerId;

    /// <summary>Locks up to <paramref name="maxTasks"/> jobs of <paramref name="topics"/>, waiting up to <paramref name="longPollTimeout"/> for one.</summary>
    public async Task<IReadOnlyList<LockedJob>> FetchAndLockAsync(
        IReadOnlyCollection<string> topics, int maxTasks, TimeSpan lockDuration, TimeSpan longPollTimeout, CancellationToken cancellationToken = default)
    {
        var body = new FetchAndLockBody(WorkerId, [.. topics], maxTasks, Milliseconds(lockDuration), Milliseconds(longPollTimeout));
        return await Send<List<LockedJob>>($"{Root}/fetch-and-lock", body, cancellationToken) ?? [];
    }

    /// <summary>
    /// Completes the job (registering the model the result names, if any); a repeat of a completion this worker made
    /// before is acknowledged, not applied twice.
    /// </summary>
    public async Task<CompletionOutcome> CompleteAsync(ExternalJob job, ExternalTaskResult result, CancellationToken cancellationToken = default)
    {
        var body = new CompleteJobBody(
            WorkerId,
            new(result.Variables, StringComparer.Ordinal),
            new(result.Metrics, StringComparer.Ordinal),
            result.Artifact,
            new(result.Datasets, StringComparer.Ordinal),
            result.Log,
            result.Model);
        var answer = await Send<CompletionAnswer>(JobPath(job, "complete"), body, cancellationToken);
        return answer?.Outcome ?? throw new ExternalTaskClientException($"The engine answered the completion of job '{job.JobId}' without an outcome.");
    }

    /// <summary>Reports that the job could not be done: with retries left it returns to its topic after <paramref name="retryAfter"/>, with none the stage fails.</summary>
    public Task FailAsync(ExternalJob job, string error, int retries, TimeSpan retryAfter, CancellationToken cancellationToken = default) =>
        Send<JsonElement?>(JobPath(job, "failure"), new FailJobBody(WorkerId, error, retries, Milliseconds(retryAfter)), cancellationToken);

    /// <summary>Holds the job for <paramref name="duration"/> from now.</summary>
    public async Task<LockedJob> ExtendLockAsync(ExternalJob job, TimeSpan duration, CancellationToken cancellationToken = default) =>
        await Send<LockedJob>(JobPath(job, "extend-lock"), new ExtendLockBody(WorkerId, Milliseconds(duration)), cancellationToken)
            ?? throw new ExternalTaskClientException($"The engine answered the lock extension of job '{job.JobId}' without the job.");

    /// <summary>Where a job stands, or null when its topic has no such job.</summary>
    public async Task<ExternalJobView?> GetJobAsync(string topic, string jobId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, $"{Root}/{Uri.EscapeDataString(topic)}/{Uri.EscapeDataString(jobId)}");
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await ProblemReader.ThrowIfFailed(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<ExternalJobView>(WorkerJson.Options, cancellationToken);
    }

    private async Task<T?> Send<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, path);
        request.Content = JsonContent.Create(body, body.GetType(), options: WorkerJson.Options);
        using var response = await http.SendAsync(request, cancellationToken);
        await ProblemReader.ThrowIfFailed(response, cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent
            ? default
            : await response.Content.ReadFromJsonAsync<T>(WorkerJson.Options, cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add(ApiKeyHeader, _options.ApiKey);

        return request;
    }

    private static string JobPath(ExternalJob job, string action) =>
        $"{Root}/{Uri.EscapeDataString(job.Topic)}/{Uri.EscapeDataString(job.JobId)}/{action}";

    private static int Milliseconds(TimeSpan duration) => checked((int)Math.Ceiling(duration.TotalMilliseconds));
}
