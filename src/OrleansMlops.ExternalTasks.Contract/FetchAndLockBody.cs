namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>POST /api/external-tasks/fetch-and-lock: which topics, how many jobs, how long to hold them, how long to wait for one.</summary>
public sealed record FetchAndLockBody(string? WorkerId, string[]? Topics, int? MaxTasks, int? LockDurationMs, int? AsyncResponseTimeoutMs);
