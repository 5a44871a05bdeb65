using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Grains.Tests.Stages;

/// <summary>Fails the first <c>mlops:failures</c> attempts of each stage entry, then succeeds.</summary>
public sealed class FlakyStage : IStageHandler
{
    public string Stage => "flaky";

    public Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var failures = int.Parse(context.TaskProperties.GetValueOrDefault("failures", "0"), System.Globalization.CultureInfo.InvariantCulture);
        return context.Attempt < failures
            ? throw new StageException($"upstream data source unavailable (attempt {context.Attempt + 1})")
            : Task.FromResult(StageResult.Empty);
    }
}
