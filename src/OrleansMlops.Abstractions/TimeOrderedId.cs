namespace OrleansMlops.Abstractions;

/// <summary>
/// Ids that sort by the time they were made (UUID version 7, 32 hex digits). Logs keyed by them grow at the end of their
/// indexes: a batch of new rows shares a few pages instead of touching a random page each, which is what a durable
/// commit pays for.
/// </summary>
public static class TimeOrderedId
{
    public static string New(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("N");
}
