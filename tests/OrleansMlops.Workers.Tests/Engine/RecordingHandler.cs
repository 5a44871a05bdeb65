namespace OrleansMlops.Workers.Tests.Engine;

/// <summary>Passes requests on, writing each into a <see cref="RequestLog"/>.</summary>
public sealed class RecordingHandler(RequestLog log) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Add(request);
        return base.SendAsync(request, cancellationToken);
    }
}
