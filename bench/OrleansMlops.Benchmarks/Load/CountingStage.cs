using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The stage of bench-loop.bpmn: counts the rounds in the run's variables and says whether another is due, so the
/// loop's length is decided by the run itself (its <c>target</c> parameter) and every round stays a real stage entry.
/// </summary>
internal sealed class CountingStage : IStageHandler
{
    public const string Name = "iterate";
    public const string TargetParameter = "target";

    public string Stage => Name;

    public Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var rounds = (context.Variables.GetValueOrDefault("rounds")?.Number ?? 0) + 1;
        var target = context.Variables.GetValueOrDefault(TargetParameter)?.Number ?? 0;
        var outputs = ImmutableDictionary<string, Variable>.Empty
            .Add("rounds", Variable.Of(rounds))
            .Add("more", Variable.Of(rounds < target));
        return Task.FromResult(StageResult.Empty with { Outputs = outputs });
    }
}
