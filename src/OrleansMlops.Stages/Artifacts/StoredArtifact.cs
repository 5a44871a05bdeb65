namespace OrleansMlops.Stages.Artifacts;

/// <summary>An artifact in the store: its SHA-256, its full path, and the URI recorded in the model registration.</summary>
public sealed record StoredArtifact(string Sha256, string FullPath, string Uri);
