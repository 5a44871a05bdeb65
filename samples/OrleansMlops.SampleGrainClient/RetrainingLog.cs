using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.SampleGrainClient;

internal static partial class RetrainingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Started retraining run {RunId} on workflow {WorkflowId} v{WorkflowVersion}")]
    public static partial void Started(ILogger logger, string runId, string workflowId, int workflowVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Retraining run {RunId} is {Status} (model version {ModelVersion}; open tasks: {OpenTasks})")]
    public static partial void Stands(ILogger logger, string runId, RunStatus status, ModelVersionKey? modelVersion, string openTasks);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The engine refused retraining run {RunId} ({Code}): {Reason}; the next period tries again")]
    public static partial void Refused(ILogger logger, string runId, RunErrorCode code, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The engine could not be reached for retraining run {RunId}; trying again")]
    public static partial void Unreachable(ILogger logger, Exception exception, string runId);
}
