using Microsoft.Extensions.Logging;

namespace OrleansMlops.Grains.Workflows;

internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "Workflow {WorkflowId}: {Kind}")]
    public static partial void Changed(ILogger logger, string workflowId, string kind);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "{Count} audit record(s) of workflow {WorkflowId} could not be appended; they stay in the outbox and are appended on the next change or activation")]
    public static partial void AuditAppendFailed(ILogger logger, Exception exception, string workflowId, int count);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Error, Message = "Workflow {WorkflowId} could not persist {Kind}; it is refused and the grain reactivates from storage")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string workflowId, string kind);
}
