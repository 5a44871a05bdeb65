namespace OrleansMlops.Storage.Evidence;

/// <summary>A frozen evidence document: its bytes, addressed by their SHA-256 (lowercase hex).</summary>
public sealed record StoredDocument(string Sha256, string FileName, string MediaType, byte[] Content, DateTimeOffset StoredAt);
