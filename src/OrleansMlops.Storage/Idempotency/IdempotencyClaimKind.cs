namespace OrleansMlops.Storage.Idempotency;

public enum IdempotencyClaimKind
{
    /// <summary>This attempt executes the request; it answers or gives the claim up afterwards.</summary>
    Claimed,

    /// <summary>The request was answered before; <see cref="IdempotencyClaim.Answer"/> is that answer.</summary>
    Answered,

    /// <summary>Another attempt is executing the same request now.</summary>
    InProgress,

    /// <summary>The key was used for a different request.</summary>
    KeyReused,
}
