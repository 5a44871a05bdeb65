using System.Collections.Concurrent;

namespace OrleansMlops.Workers.Tests.Unit;

/// <summary>Holds each job until the test finishes it by id; counts the jobs that started.</summary>
public sealed class PerJobHandler : IExternalTaskHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ExternalTaskResult>> _jobs = new();

    public string Topic => "test.topic";

    public int StartedCount => _jobs.Count;

    public void Finish(string jobId) => Gate(jobId).SetResult(new ExternalTaskResult());

    public Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken) =>
        Gate(context.Job.JobId).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource<ExternalTaskResult> Gate(string jobId) =>
        _jobs.GetOrAdd(jobId, _ => new TaskCompletionSource<ExternalTaskResult>(TaskCreationOptions.RunContinuationsAsynchronously));
}
