using Microsoft.Extensions.Logging;

namespace OrleansMlops.Grains.Security;

internal static partial class DirectoryLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Role directory change {Kind}: {Summary} (by {Actor})")]
    public static partial void Changed(ILogger logger, string kind, string summary, string actor);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "{Principal} was refused {Permission}: holds {Roles}")]
    public static partial void Refused(ILogger logger, string principal, string permission, string roles);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "The role directory could not persist change {Kind}; it is refused and the state is as the last commit left it")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string kind);
}
