using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Runs;

internal static partial class RunLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Run {RunId} started on workflow {WorkflowId} v{WorkflowVersion} by {Actor}")]
    public static partial void Started(ILogger logger, string runId, string workflowId, int workflowVersion, string actor);

    [LoggerMessage(
        EventId = 1001,
        Level = LogLevel.Information,
        Message = "Run {RunId} transition {Sequence} {Kind} (model version {ModelVersion}, stage {Stage}, decision {DecisionId}): {Summary}")]
    public static partial void Transition(
        ILogger logger, string runId, long sequence, string kind, ModelVersionKey? modelVersion, string? stage, string? decisionId, string summary);

    [LoggerMessage(
        EventId = 1002,
        Level = LogLevel.Warning,
        Message = "Run {RunId} gate {Transition} {Outcome} (model version {ModelVersion}, stage {Stage}, decision {DecisionId})")]
    public static partial void GateRefused(
        ILogger logger, string runId, string transition, string outcome, ModelVersionKey? modelVersion, string? stage, string decisionId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Run {RunId} stage {Stage} failed on attempt {Attempt} (model version {ModelVersion})")]
    public static partial void StageFailed(ILogger logger, Exception exception, string runId, string stage, int attempt, ModelVersionKey? modelVersion);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Run {RunId} could not persist transition {Kind}; it is refused and the run is as its last commit left it")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string runId, string kind);

    [LoggerMessage(
        EventId = 1007,
        Level = LogLevel.Warning,
        Message = "Run {RunId} could not apply {Effect} to model version {ModelVersion} on attempt {Attempt}; it is retried in {RetryIn}")]
    public static partial void ModelEffectFailed(ILogger logger, Exception exception, string runId, string effect, string modelVersion, int attempt, TimeSpan retryIn);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Run {RunId} could not be continued")]
    public static partial void ResumeFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Run {RunId} could not freeze the evidence documents of {ModelVersion} at approval; they stay owed and are tried again")]
    public static partial void EvidenceFailed(ILogger logger, Exception exception, string runId, string modelVersion);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Run {RunId} stopped at {NodeId} as an incident, waiting for a retry: {Incident}")]
    public static partial void IncidentRaised(ILogger logger, string runId, string? nodeId, string? incident);

    [LoggerMessage(
        EventId = 1012,
        Level = LogLevel.Warning,
        Message = "Run {RunId} could not hand job {JobId} to the queue of topic {Topic} on attempt {Attempt}; it is retried in {RetryIn}")]
    public static partial void JobPublishFailed(ILogger logger, Exception exception, string runId, string jobId, string topic, int attempt, TimeSpan retryIn);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Run {RunId} stopped on an error on attempt {Attempt}; it is driven on again in {RetryIn}")]
    public static partial void DriveFailed(ILogger logger, Exception exception, string runId, int attempt, TimeSpan retryIn);
}
