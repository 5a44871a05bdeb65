using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Storage.Stores;

/// <summary>A runs row as Dapper reads it and the upsert binds it (integers as long, times as UTC round-trip text).</summary>
internal sealed class RunRow
{
    public string RunId { get; set; } = "";
    public string WorkflowId { get; set; } = "";
    public long WorkflowVersion { get; set; }
    public string Status { get; set; } = "";
    public string CurrentNodes { get; set; } = "";
    public string StartedBy { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public long Version { get; set; }

    public static RunRow From(RunSummary summary) => new()
    {
        RunId = summary.RunId,
        WorkflowId = summary.WorkflowId,
        WorkflowVersion = summary.WorkflowVersion,
        Status = summary.Status.ToString(),
        CurrentNodes = summary.CurrentNodes,
        StartedBy = summary.StartedBy,
        StartedAt = UtcTimestamp.Format(summary.StartedAt),
        UpdatedAt = UtcTimestamp.Format(summary.UpdatedAt),
        Version = summary.Version,
    };

    public RunSummary ToSummary() => new(
        RunId,
        WorkflowId,
        checked((int)WorkflowVersion),
        Enum.Parse<RunStatus>(Status),
        CurrentNodes,
        StartedBy,
        UtcTimestamp.Parse(StartedAt),
        UtcTimestamp.Parse(UpdatedAt),
        Version);
}
