namespace OrleansMlops.Abstractions.Stages;

/// <summary>
/// Does the work of one stage kind (the <c>mlops:stage</c> attribute of a task). Handlers may run again after a crash
/// or a retry; <see cref="StageContext.IdempotencyKey"/> lets them apply external effects once.
/// Throw <see cref="StageException"/> for a failure the run should record and retry.
/// </summary>
public interface IStageHandler
{
    string Stage { get; }

    Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken);
}
