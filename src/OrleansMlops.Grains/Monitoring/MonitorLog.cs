using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Monitoring;

namespace OrleansMlops.Grains.Monitoring;

internal static partial class MonitorLog
{
    [LoggerMessage(
        EventId = 1400,
        Level = LogLevel.Information,
        Message = "Monitor {Monitor} report {ReportId} on model version {ModelVersion} in {Environment}: {Outcome} (decision {DecisionId})")]
    public static partial void Judged(
        ILogger logger, string monitor, string reportId, ModelVersionKey modelVersion, string environment, MonitoringOutcomeKind outcome, string decisionId);

    [LoggerMessage(
        EventId = 1401,
        Level = LogLevel.Warning,
        Message = "Monitor {Monitor} starts retraining run {RunId} for model version {ModelVersion} (decision {DecisionId}): {Trigger}")]
    public static partial void RetrainingStarting(ILogger logger, string monitor, string runId, ModelVersionKey modelVersion, string decisionId, string trigger);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "Monitor {Monitor} retraining run {RunId} refused to start: {Reason}")]
    public static partial void RetrainingRefused(ILogger logger, string monitor, string runId, string reason);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Error, Message = "Monitor {Monitor} could not start retraining run {RunId}; it is started again on the next call")]
    public static partial void PendingStartFailed(ILogger logger, Exception exception, string monitor, string runId);
}
