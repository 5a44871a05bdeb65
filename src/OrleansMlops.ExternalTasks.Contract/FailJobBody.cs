namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>POST …/failure: why, and how often and when to try again.</summary>
public sealed record FailJobBody(string? WorkerId, string? ErrorMessage, int? Retries, int? RetryTimeoutMs);
