using System.Collections.Concurrent;

namespace OrleansMlops.Workers.Tests.Engine;

/// <summary>The requests a worker sent, as "METHOD path", in order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> All => [.. _requests];

    public int Count(string pathEnd) => _requests.Count(r => r.EndsWith(pathEnd, StringComparison.Ordinal));

    public void Add(HttpRequestMessage request) => _requests.Enqueue($"{request.Method} {request.RequestUri?.AbsolutePath}");
}
