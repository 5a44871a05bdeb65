using Microsoft.Extensions.Logging;

namespace OrleansMlops.Grains.Models;

internal static partial class ModelLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Model version {ModelVersion} could not be projected to the registry read model at revision {Revision}; it is projected again on its next write or activation")]
    public static partial void ProjectionFailed(ILogger logger, Exception exception, string modelVersion, long revision);
}
