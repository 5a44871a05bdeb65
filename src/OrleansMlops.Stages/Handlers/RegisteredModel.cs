using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;

namespace OrleansMlops.Stages.Handlers;

/// <summary>What the stages after training share: the run's model version, and its artifact only if it is intact.</summary>
internal static class RegisteredModel
{
    public static ModelVersionView Require(StageContext context) =>
        context.Model ?? throw new StageException(
            $"Stage '{context.Stage}' of run {context.RunId} needs the model version trained by the run, and the run has none.");

    public static async Task<byte[]> ReadVerifiedArtifactAsync(
        ArtifactStore store, StageContext context, ModelVersionView model, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReadVerifiedAsync(model.Registration.ArtifactUri, model.Registration.ArtifactSha256, cancellationToken);
        }
        catch (StageException ex)
        {
            StageLog.ArtifactRefused(logger, context.RunId, model.Key.GrainKey, context.Stage, ex.Message);
            throw;
        }
    }
}
