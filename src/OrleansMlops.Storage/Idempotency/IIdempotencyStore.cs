namespace OrleansMlops.Storage.Idempotency;

/// <summary>
/// First answers to requests sent with an Idempotency-Key. An attempt claims its key before it executes, so two
/// attempts of one request never execute at once; it then stores its answer, or gives the claim up when it failed
/// in a way a retry may not (a 5xx), so the next attempt executes again.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for the attempt, unless it holds an answer, another attempt's live claim or a different request.
    /// A key past its expiry is forgotten first; a claim given up or whose lease ran out is taken over.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(IdempotencyAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Stores the answer of the claim <paramref name="claimId"/>; false when that claim no longer holds the key.</summary>
    Task<bool> AnswerAsync(IdempotencyScope scope, string claimId, IdempotentAnswer answer, CancellationToken cancellationToken);

    /// <summary>Gives the claim up without an answer, so the next attempt executes the request (keeping the reserved id).</summary>
    Task ReleaseAsync(IdempotencyScope scope, string claimId, CancellationToken cancellationToken);

    /// <summary>Forgets every key that expired by <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
