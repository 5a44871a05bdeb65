namespace OrleansMlops.Host.Identity;

internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Credentials refused {Failures} times within a minute by {Key}; its further refused credentials get 429 until the minute ends")]
    public static partial void AuthenticationLimited(ILogger logger, string key, int failures);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Development mode: generated keys are in {KeyFile}; sample people and services have their roles. Do not use this mode in production")]
    public static partial void DevelopmentMode(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "{Admins} admin(s) configured; role grants need two different admins, so configure at least two under Security:Principals")]
    public static partial void TooFewAdmins(ILogger logger, int admins);
}
