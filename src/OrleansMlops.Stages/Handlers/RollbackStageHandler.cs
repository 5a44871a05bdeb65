using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;

namespace OrleansMlops.Stages.Handlers;

/// <summary>
/// Returns an environment to the version the run names (its <c>model</c> parameter): the same checks and release as
/// <see cref="DeployStageHandler"/>, under its own stage name so that rules gate <c>enter:rollback</c> on their own and
/// the environment records the release as a rollback.
/// </summary>
public sealed class RollbackStageHandler(ArtifactStore store, ILogger<DeployStageHandler> logger) : IStageHandler
{
    public const string StageName = "rollback";

    private readonly DeployStageHandler _release = new(store, logger);

    public string Stage => StageName;

    public Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken) =>
        _release.ExecuteAsync(context, cancellationToken);
}
