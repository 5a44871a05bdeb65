namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>POST …/extend-lock: hold the job for this long from now.</summary>
public sealed record ExtendLockBody(string? WorkerId, int? NewDurationMs);
