using Microsoft.Extensions.Logging;

namespace OrleansMlops.Stages.Serving;

internal static partial class ServingLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Loaded {ModelName}/{ModelVersion} for serving from artifact {ArtifactSha256}")]
    public static partial void ModelLoaded(ILogger logger, string modelName, int modelVersion, string artifactSha256);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Refused to serve {ModelName}/{ModelVersion}: {Reason}")]
    public static partial void ArtifactRefused(ILogger logger, string modelName, int modelVersion, string reason);
}
