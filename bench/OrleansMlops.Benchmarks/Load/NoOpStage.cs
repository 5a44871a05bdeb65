using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>A stage handler that does nothing, so a run's cost is the engine's own: gate, interpreter, durable commit.</summary>
internal sealed class NoOpStage(string stage) : IStageHandler
{
    public string Stage => stage;

    public Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken) => Task.FromResult(StageResult.Empty);
}
