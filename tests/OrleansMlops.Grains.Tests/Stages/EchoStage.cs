using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Grains.Tests.Stages;

/// <summary>A stage that records that it ran: sets "&lt;node&gt;.done" and counts its executions per idempotency key.</summary>
public sealed class EchoStage : IStageHandler
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _executions = new();

    public string Stage => "echo";

    public int ExecutionsOf(string idempotencyKey) => _executions.GetValueOrDefault(idempotencyKey);

    public int TotalExecutions => _executions.Values.Sum();

    public Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        _executions.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1);
        var outputs = ImmutableDictionary<string, Variable>.Empty.Add($"{context.NodeId}.done", Variable.Of(true));
        return Task.FromResult(StageResult.Empty with { Outputs = outputs });
    }
}
