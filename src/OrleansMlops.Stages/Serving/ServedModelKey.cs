namespace OrleansMlops.Stages.Serving;

/// <summary>
/// Which model is loaded: name, version and the SHA-256 of the artifact bytes it was loaded from. The hash is part of
/// the key so a cached model can only ever answer for the exact artifact that was verified.
/// </summary>
public sealed record ServedModelKey(string Name, int Version, string ArtifactSha256);
