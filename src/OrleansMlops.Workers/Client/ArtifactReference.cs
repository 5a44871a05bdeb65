namespace OrleansMlops.Workers;

/// <summary>An artifact a worker produced: where it is and its SHA-256 (64 hexadecimal digits).</summary>
public sealed record ArtifactReference(string Uri, string Sha256);
