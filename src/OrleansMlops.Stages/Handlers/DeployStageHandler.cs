using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;

namespace OrleansMlops.Stages.Handlers;

/// <summary>
/// Releases the run's model version to an environment (task property <c>environment</c>, default "production") after
/// checking once more that the artifact is the one registered; the registry records the deployment.
/// </summary>
public sealed class DeployStageHandler(ArtifactStore store, ILogger<DeployStageHandler> logger) : IStageHandler
{
    public const string StageName = "deploy";

    public const string DefaultEnvironment = "production";

    public string Stage => StageName;

    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var model = RegisteredModel.Require(context);
        var environment = TargetEnvironmentOf(context);
        await RegisteredModel.ReadVerifiedArtifactAsync(store, context, model, logger, cancellationToken);

        StageLog.Deployed(logger, context.RunId, model.Key.GrainKey, model.Registration.ArtifactSha256, environment);
        var outputs = ImmutableDictionary.CreateRange(
            StringComparer.Ordinal,
            [KeyValuePair.Create(StageVariables.DeployedEnvironment, Variable.Of(environment))]);
        return new StageResult(outputs, ImmutableDictionary<string, double>.Empty, TrainedModel: null, environment);
    }

    private static string TargetEnvironmentOf(StageContext context)
    {
        var environment = TargetEnvironment.Resolve(context.TaskProperties, context.Variables);
        if (environment is null)
        {
            return context.TaskProperties.TryGetValue(TargetEnvironment.Property, out var declared)
                ? throw new StageException($"Task property '{TargetEnvironment.Property}' of {context.NodeId} names no environment "
                    + $"('{declared}'); name one, or set the run variable it refers to.")
                : DefaultEnvironment;
        }

        return TargetEnvironment.IsValidName(environment)
            ? environment
            : throw new StageException($"Environment '{environment}' of {context.NodeId} is not a valid name: lowercase letters, digits and '-', starting with a letter.");
    }
}
