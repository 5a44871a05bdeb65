namespace OrleansMlops.Storage.Idempotency;

/// <summary>The answer a retry under the same key gets again: status, content type, location and the body's bytes.</summary>
public sealed record IdempotentAnswer(int StatusCode, string? ContentType, string? Location, byte[] Body);
