using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Workers.Tests.Unit;

/// <summary>Plays the engine's HTTP side for unit tests: records every request (path and JSON body) and answers as told.</summary>
public sealed class StubEngine : HttpMessageHandler
{
    private readonly ConcurrentQueue<(string Path, JsonElement Body)> _requests = new();

    /// <summary>Answers a request by its path (e.g. "/api/external-tasks/t/job-1/complete") and body; 200 "{}" unless set.</summary>
    public Func<string, JsonElement, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}"));

    public IReadOnlyList<JsonElement> BodiesTo(string pathEnd) =>
        [.. _requests.Where(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).Select(r => r.Body)];

    public IReadOnlyList<string> Paths => [.. _requests.Select(r => r.Path)];

    public ExternalTaskClient Client(ExternalTaskWorkerOptions options) =>
        new(new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("http://engine.test/") }, Options.Create(options));

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, string code) =>
        new(status)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { type = "about:blank", title, status = (int)status, detail, code }), Encoding.UTF8, "application/problem+json"),
        };

    /// <summary>The engine's answer to an extend-lock: the job, held until <paramref name="until"/>.</summary>
    public static HttpResponseMessage Extended(LockedJob locked, DateTimeOffset until) =>
        Json(HttpStatusCode.OK, JsonSerializer.Serialize(locked with { LockExpiresAt = until }, WorkerJson.Options));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? "null" : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString;

        // Recorded before the answer, so a test that waits for a request sees it as soon as it is sent.
        _requests.Enqueue((path, body));
        return await Respond(path, body, cancellationToken);
    }
}
