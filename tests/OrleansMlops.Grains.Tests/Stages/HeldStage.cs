using System.Collections.Concurrent;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Grains.Tests.Stages;

/// <summary>A stage that does not finish until the test releases it: lets a test crash the silo while a stage runs.</summary>
public sealed class HeldStage : IStageHandler
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _executions = new();

    public string Stage => "held";

    /// <summary>While true, executions wait for <see cref="Release"/>; afterwards they complete at once.</summary>
    public bool Holding { get; set; } = true;

    private TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public IReadOnlyCollection<string> Executions => _executions;

    public void Release() => Released.TrySetResult();

    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        // Decided before Entered is signalled: the test turns holding off as soon as it sees Entered, and must not
        // release the execution it means to interrupt.
        var hold = Holding;
        _executions.Enqueue(context.IdempotencyKey);
        _entered.TrySetResult();
        if (hold)
        {
            await Released.Task;
        }

        return StageResult.Empty;
    }
}
