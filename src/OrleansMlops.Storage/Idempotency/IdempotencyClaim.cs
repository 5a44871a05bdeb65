namespace OrleansMlops.Storage.Idempotency;

/// <summary>
/// What a key holds for an attempt. <see cref="ReservedId"/> is the id the key's first attempt reserved: an attempt
/// that takes over after a failed one creates what the failed one may already have created, not a second thing.
/// </summary>
public sealed record IdempotencyClaim(
    IdempotencyClaimKind Kind,
    string ReservedId,
    string? ClaimId = null,
    IdempotentAnswer? Answer = null,
    DateTimeOffset? LeaseUntil = null);
