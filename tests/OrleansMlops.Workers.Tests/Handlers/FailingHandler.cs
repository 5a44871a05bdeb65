using System.Collections.Concurrent;

namespace OrleansMlops.Workers.Tests.Handlers;

/// <summary>Always throws, remembering which job it saw and the retries the engine said were left each time.</summary>
public sealed class FailingHandler(string topic) : IExternalTaskHandler
{
    private readonly ConcurrentQueue<ExternalTaskContext> _seen = new();

    public string Topic => topic;

    public IReadOnlyList<ExternalTaskContext> Seen => [.. _seen];

    public Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        _seen.Enqueue(context);
        throw new InvalidOperationException("the scoring model did not converge");
    }
}
