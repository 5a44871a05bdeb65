using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Models;

internal static partial class ModelLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Model version {ModelVersion} could not persist revision {Revision}; the change is refused and the grain is back at its stored state")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string modelVersion, long revision);

    [LoggerMessage(
        EventId = 1102,
        Level = LogLevel.Information,
        Message = "Model version {ModelVersion} is {Lifecycle} at revision {Revision}, by {Actor} (run {RunId}){Detail}")]
    public static partial void Changed(ILogger logger, string modelVersion, ModelLifecycle lifecycle, long revision, string actor, string runId, string detail);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Model {ModelName} allocated version {Version} to run {RunId}")]
    public static partial void VersionAllocated(ILogger logger, string modelName, int version, string runId);
}
