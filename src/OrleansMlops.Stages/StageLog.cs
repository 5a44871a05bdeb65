using Microsoft.Extensions.Logging;

namespace OrleansMlops.Stages;

internal static partial class StageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Run {RunId} trained {ModelName} on data set {DatasetVersion} in {ElapsedMs} ms: artifact {ArtifactSha256}, training AUC {TrainAuc}")]
    public static partial void Trained(
        ILogger logger, string runId, string modelName, string datasetVersion, long elapsedMs, string artifactSha256, double trainAuc);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Run {RunId} validated {ModelVersion} in {ElapsedMs} ms: AUC {Auc}, accuracy {Accuracy}, F1 {F1}, disparity {Disparity}")]
    public static partial void Validated(
        ILogger logger, string runId, string modelVersion, long elapsedMs, double auc, double accuracy, double f1, double disparity);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "Run {RunId} deployed {ModelVersion} (artifact {ArtifactSha256}) to {Environment}")]
    public static partial void Deployed(ILogger logger, string runId, string modelVersion, string artifactSha256, string environment);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Run {RunId} refused the artifact of {ModelVersion} in stage {Stage}: {Reason}")]
    public static partial void ArtifactRefused(ILogger logger, string runId, string modelVersion, string stage, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information,
        Message = "Run {RunId} collected {Count} evidence documents for {ModelVersion}: {Kinds}")]
    public static partial void EvidenceCollected(ILogger logger, string runId, string modelVersion, int count, string kinds);
}
