using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Data;
using OrleansMlops.Stages.Modeling;

namespace OrleansMlops.Stages.Handlers;

/// <summary>
/// Trains the credit-risk model on train.csv and stores it in the artifact store. The same data and parameters give
/// the same artifact bytes, hence the same address, so a rerun after a crash registers the same artifact. The
/// registration carries what the run declares for the inventory (<see cref="InventoryDeclaration"/>) and the data
/// set's protected attributes.
/// </summary>
public sealed class TrainStageHandler(
    IOptions<StagesOptions> options,
    ArtifactStore store,
    TimeProvider timeProvider,
    ILogger<TrainStageHandler> logger) : IStageHandler
{
    public const string StageName = "train";

    /// <summary>The intended purpose registered when the run declares none.</summary>
    public const string Purpose = "creditworthiness assessment of natural persons";

    /// <summary>Credit scoring of natural persons is high-risk under Annex III of the EU AI Act.</summary>
    public const string RiskClass = "high";

    public string Stage => StageName;

    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var parameters = TrainingParameters.From(context.TaskProperties);
        var dataSet = await CreditDataSet.LoadAsync(settings.ResolvePath(settings.DataDirectory), cancellationToken);

        var started = timeProvider.GetTimestamp();

        // Training is CPU-bound for a while; running it off the caller's thread keeps a grain scheduler free.
        var trained = await Task.Run(() => CreditModelTrainer.Train(dataSet.Train.Applicants, parameters), cancellationToken);
        var artifact = await store.PutAsync(trained.ArtifactBytes, ".zip", cancellationToken);
        var elapsed = timeProvider.GetElapsedTime(started);

        var metrics = ImmutableDictionary.CreateRange(
            StringComparer.Ordinal,
            [
                KeyValuePair.Create("trainAuc", trained.TrainAuc),
                KeyValuePair.Create("trainAccuracy", trained.TrainAccuracy),
            ]);
        var declared = InventoryDeclaration.From(context);
        var registration = new ModelRegistration(
            settings.ModelName,
            declared.Purpose,
            declared.RiskClass,
            artifact.Uri,
            artifact.Sha256,
            Lineage(context, settings, dataSet, parameters),
            metrics)
        {
            Owner = declared.Owner,
            Tier = declared.Tier,
            Tags = declared.Tags,
            ProtectedAttributes = CreditDataSet.ProtectedAttributes,
        };
        StageLog.Trained(
            logger, context.RunId, settings.ModelName, dataSet.Version, (long)elapsed.TotalMilliseconds, artifact.Sha256, trained.TrainAuc);

        var outputs = ImmutableDictionary.CreateRange(
            StringComparer.Ordinal,
            [
                KeyValuePair.Create(StageVariables.ArtifactSha256, Variable.Of(artifact.Sha256)),
                KeyValuePair.Create(StageVariables.TrainAuc, Variable.Of(trained.TrainAuc)),
            ]);
        return new StageResult(outputs, metrics, registration, DeployedEnvironment: null);
    }

    private static ModelLineage Lineage(
        StageContext context, StagesOptions settings, CreditDataSet dataSet, TrainingParameters parameters) => new(
        CreditDataSet.DatasetId,
        dataSet.Version,
        [.. dataSet.Files.Select(file => new DatasetFile(
            file.Role, settings.ToPortablePath(file.FullPath), file.Sha256, file.Applicants.Count))],
        settings.CodeCommit,
        parameters.ToLineage(),
        TrainingEnvironment.Describe(),
        context.StartedBy.Id,
        context.Now);
}
