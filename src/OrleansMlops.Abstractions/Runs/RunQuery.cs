namespace OrleansMlops.Abstractions.Runs;

/// <summary>Filters for listing runs; null means any. Newest first, at most <see cref="Limit"/> rows.</summary>
public sealed record RunQuery(string? WorkflowId = null, RunStatus? Status = null, int Limit = 100);
