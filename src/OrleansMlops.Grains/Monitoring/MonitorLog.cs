using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Monitoring;

namespace OrleansMlops.Grains.Monitoring;

internal static partial class MonitorLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Monitor {Monitor} report {ReportId} on version {Version}: {Outcome} (decision {DecisionId})")]
    public static partial void Judged(ILogger logger, string monitor, string reportId, int version, MonitoringOutcomeKind outcome, string decisionId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Monitor {Monitor} starts retraining run {RunId}: {Trigger}")]
    public static partial void RetrainingStarting(ILogger logger, string monitor, string runId, string trigger);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Monitor {Monitor} retraining run {RunId} refused to start: {Reason}")]
    public static partial void RetrainingRefused(ILogger logger, string monitor, string runId, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Monitor {Monitor} could not project {Count} decisions to the decision log; they stay in the outbox")]
    public static partial void DecisionProjectionFailed(ILogger logger, Exception exception, string monitor, int count);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Error, Message = "Monitor {Monitor} could not start retraining run {RunId}; it is started again on the next call")]
    public static partial void PendingStartFailed(ILogger logger, Exception exception, string monitor, string runId);
}
