namespace OrleansMlops.Abstractions.Runs;

/// <summary>A run as listed: the read model row kept beside the grain, newest <see cref="Version"/> wins.</summary>
public sealed record RunSummary(
    string RunId,
    string WorkflowId,
    int WorkflowVersion,
    RunStatus Status,
    string CurrentNodes,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    long Version);
