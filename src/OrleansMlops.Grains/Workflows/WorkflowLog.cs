using Microsoft.Extensions.Logging;

namespace OrleansMlops.Grains.Workflows;

internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "Workflow {WorkflowId}: {Kind}")]
    public static partial void Changed(ILogger logger, string workflowId, string kind);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Error, Message = "Workflow {WorkflowId} could not persist {Kind}; it is refused and the state is as the last commit left it")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string workflowId, string kind);
}
