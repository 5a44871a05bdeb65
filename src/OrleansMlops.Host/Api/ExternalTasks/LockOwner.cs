using OrleansMlops.Abstractions;

namespace OrleansMlops.Host.Api.ExternalTasks;

/// <summary>
/// Who holds a job's lock: the signed-in service and the worker instance it names ("service/worker"). The body's worker
/// id alone would let one service complete or extend another's jobs by naming its worker.
/// </summary>
internal static class LockOwner
{
    public static string Of(Actor caller, string? workerId) =>
        string.IsNullOrWhiteSpace(workerId) ? string.Empty : $"{caller.Id}/{workerId.Trim()}";
}
