namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>A data file of a trained model's lineage: its role ("train", "test", …), path, SHA-256 and row count.</summary>
public sealed record DatasetFileBody(string? Role, string? Path, string? Sha256, long? Rows);
