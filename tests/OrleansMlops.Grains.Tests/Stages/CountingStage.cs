using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Grains.Tests.Stages;

/// <summary>A stage that counts its rounds in "rounds" and says in "more" whether the run's "target" is still ahead.</summary>
public sealed class CountingStage : IStageHandler
{
    public string Stage => "count";

    public Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var rounds = (context.Variables.GetValueOrDefault("rounds")?.Number ?? 0) + 1;
        var target = context.Variables.GetValueOrDefault("target")?.Number ?? 0;
        var outputs = ImmutableDictionary<string, Variable>.Empty
            .Add("rounds", Variable.Of(rounds))
            .Add("more", Variable.Of(rounds < target));
        return Task.FromResult(StageResult.Empty with { Outputs = outputs });
    }
}
