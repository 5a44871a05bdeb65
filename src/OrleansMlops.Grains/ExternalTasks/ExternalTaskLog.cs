using Microsoft.Extensions.Logging;

namespace OrleansMlops.Grains.ExternalTasks;

internal static partial class ExternalTaskLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Topic {Topic}: job {JobId} of run {RunId} is waiting for a worker")]
    public static partial void Enqueued(ILogger logger, string topic, string jobId, string runId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Topic {Topic}: the lock of {WorkerId} on job {JobId} expired; the job is handed out again")]
    public static partial void LockExpired(ILogger logger, string topic, string jobId, string workerId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Topic {Topic}: job {JobId} completed by {WorkerId}")]
    public static partial void Completed(ILogger logger, string topic, string jobId, string workerId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Topic {Topic}: job {JobId} failed at {WorkerId}; {Retries} retries left")]
    public static partial void Retrying(ILogger logger, string topic, string jobId, string workerId, int retries);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Topic {Topic}: job {JobId} failed at {WorkerId} with no retries left; its stage fails")]
    public static partial void Failed(ILogger logger, string topic, string jobId, string workerId);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Topic {Topic}: the outcome of job {JobId} could not be delivered to run {RunId}; it is delivered again later")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string topic, string jobId, string runId);
}
