using Microsoft.Extensions.Logging;

namespace OrleansMlops.Storage.Writes;

internal static partial class GroupCommitLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "A group commit of {Writes} writes failed; none of them was stored")]
    public static partial void CommitFailed(ILogger logger, Exception exception, int writes);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Trace, Message = "Committed {Writes} writes in one transaction")]
    public static partial void Committed(ILogger logger, int writes);
}
