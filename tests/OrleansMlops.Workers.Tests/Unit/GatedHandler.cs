namespace OrleansMlops.Workers.Tests.Unit;

/// <summary>A handler the test finishes: with a result, an exception, or by waiting until it is cancelled.</summary>
public sealed class GatedHandler : IExternalTaskHandler
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ExternalTaskResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _cancelled;

    public GatedHandler()
    {
    }

    public GatedHandler(ExternalTaskResult result) => _outcome.SetResult(result);

    public GatedHandler(Exception failure) => _outcome.SetException(failure);

    public string Topic => "test.topic";

    public Task Started => _started.Task;

    public bool Cancelled => _cancelled;

    public void Finish(ExternalTaskResult result) => _outcome.SetResult(result);

    public async Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        try
        {
            return await _outcome.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled = true;
            throw;
        }
    }
}
