namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>The artifact a worker produced: where it is and its SHA-256 (64 hexadecimal digits).</summary>
public sealed record ArtifactBody(string? Uri, string? Sha256);
