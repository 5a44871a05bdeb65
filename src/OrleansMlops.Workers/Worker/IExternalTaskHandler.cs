namespace OrleansMlops.Workers;

/// <summary>Does the jobs of one topic. An exception is reported to the engine as a failure, with retries.</summary>
public interface IExternalTaskHandler
{
    /// <summary>The topic a BPMN stage task names in <c>mlops:topic</c>.</summary>
    string Topic { get; }

    /// <summary>
    /// Does the job. <paramref name="cancellationToken"/> fires when the worker stops or loses the job's lock; the job is
    /// then left to the engine (the lock expires and another worker gets it), nothing is reported.
    /// </summary>
    Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken);
}
