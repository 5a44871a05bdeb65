namespace OrleansMlops.Storage.Idempotency;

/// <summary>
/// One attempt to execute a request under a key: the SHA-256 of the canonical request, the id it reserves for what it
/// creates (kept by the key's first attempt, see <see cref="IdempotencyClaim.ReservedId"/>), until when it may execute
/// before another attempt may take over, and until when the key is remembered.
/// </summary>
public sealed record IdempotencyAttempt(
    IdempotencyScope Scope,
    string RequestSha256,
    string ReservedId,
    DateTimeOffset Now,
    DateTimeOffset LeaseUntil,
    DateTimeOffset ExpiresAt);
