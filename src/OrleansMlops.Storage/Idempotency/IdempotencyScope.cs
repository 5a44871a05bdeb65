namespace OrleansMlops.Storage.Idempotency;

/// <summary>A key is the caller's own, for one endpoint: the same key from another caller or to another endpoint is another key.</summary>
public sealed record IdempotencyScope(string PrincipalId, string Endpoint, string Key);
