namespace OrleansMlops.Storage.Stores;

/// <summary>An idempotency_keys row as Dapper reads it (integers as long, times as UTC round-trip text).</summary>
internal sealed class IdempotencyRow
{
    public string RequestSha256 { get; set; } = "";
    public string ReservedId { get; set; } = "";
    public string ClaimId { get; set; } = "";
    public string? LeaseUntil { get; set; }
    public long? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}
