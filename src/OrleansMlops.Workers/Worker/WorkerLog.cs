using Microsoft.Extensions.Logging;

namespace OrleansMlops.Workers;

internal static partial class WorkerLog
{
    [LoggerMessage(1, LogLevel.Information, "Worker {WorkerId} polls topics {Topics}, at most {MaxTasks} jobs at once")]
    public static partial void Started(ILogger logger, string workerId, string topics, int maxTasks);

    [LoggerMessage(2, LogLevel.Warning, "Fetching jobs failed transiently; trying again in {Delay}")]
    public static partial void FetchFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Error, "The engine refused the fetch ({Status} {Title}: {Detail}); trying again in {Delay}")]
    public static partial void FetchRefused(ILogger logger, int status, string title, string? detail, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Information, "Job {JobId} (run {RunId}, topic {Topic}, attempt {Attempt}) started")]
    public static partial void JobStarted(ILogger logger, string jobId, string runId, string topic, int attempt);

    [LoggerMessage(5, LogLevel.Information, "Job {JobId} completed ({Outcome})")]
    public static partial void JobCompleted(ILogger logger, string jobId, CompletionOutcome outcome);

    [LoggerMessage(6, LogLevel.Warning, "Job {JobId} failed; reported with {Retries} retries left, next try after {RetryAfter}")]
    public static partial void JobFailed(ILogger logger, Exception exception, string jobId, int retries, TimeSpan retryAfter);

    [LoggerMessage(7, LogLevel.Warning, "Job {JobId} is no longer this worker's ({Detail}); its result is dropped")]
    public static partial void JobLost(ILogger logger, string jobId, string? detail);

    [LoggerMessage(8, LogLevel.Debug, "Lock on job {JobId} extended until {ExpiresAt}")]
    public static partial void LockExtended(ILogger logger, string jobId, DateTimeOffset expiresAt);

    [LoggerMessage(9, LogLevel.Warning, "Extending the lock on job {JobId} failed transiently; trying again at the next tick")]
    public static partial void ExtendFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(10, LogLevel.Warning, "Reporting job {JobId} failed transiently; trying again in {Delay}")]
    public static partial void ReportRetrying(ILogger logger, Exception exception, string jobId, TimeSpan delay);

    [LoggerMessage(11, LogLevel.Error, "Reporting job {JobId} failed; its lock runs out before another try, the engine will hand it out again")]
    public static partial void ReportGaveUp(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(12, LogLevel.Warning, "The engine refused the result of job {JobId} ({Detail}); reporting it as a failure")]
    public static partial void ResultRefused(ILogger logger, string jobId, string? detail);

    [LoggerMessage(13, LogLevel.Information, "Job {JobId} left to the engine: the worker is stopping")]
    public static partial void JobAbandoned(ILogger logger, string jobId);

    [LoggerMessage(14, LogLevel.Error, "Job {JobId} could not be run or reported")]
    public static partial void JobError(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(15, LogLevel.Error, "Worker fetched job {JobId} of topic {Topic}, which no handler takes; the lock will expire")]
    public static partial void NoHandler(ILogger logger, string jobId, string topic);
}
