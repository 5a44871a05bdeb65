namespace OrleansMlops.Host.Api.Idempotency;

/// <summary>How long first answers to requests with an Idempotency-Key are kept, and how long one attempt may hold its key.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>A key is remembered this long after its first attempt; a retry later than that executes as a new request.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an attempt may execute before a retry under its key may take over; until then a retry is told the request
    /// is in progress. An attempt on a silo that died leaves its key to retries after this long.
    /// </summary>
    public TimeSpan ExecutionLease { get; set; } = TimeSpan.FromMinutes(2);
}
