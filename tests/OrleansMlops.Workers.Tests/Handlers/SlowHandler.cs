namespace OrleansMlops.Workers.Tests.Handlers;

/// <summary>Takes <paramref name="duration"/> of real time, then reports one metric; says when it started.</summary>
public sealed class SlowHandler(string topic, TimeSpan duration) : IExternalTaskHandler
{
    private readonly TaskCompletionSource<ExternalTaskContext> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Topic => topic;

    public Task<ExternalTaskContext> Started => _started.Task;

    public async Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        _started.TrySetResult(context);
        await Task.Delay(duration, cancellationToken);
        return new ExternalTaskResult { Log = "took its time" }.WithMetric("slow.seconds", duration.TotalSeconds);
    }
}
