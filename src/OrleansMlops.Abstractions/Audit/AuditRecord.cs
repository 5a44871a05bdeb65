namespace OrleansMlops.Abstractions.Audit;

/// <summary>
/// One append-only audit record of a run. Records of a run form a hash chain:
/// <c>Hash = SHA-256(previous hash, run, sequence, kind, actor, time, payload)</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.audit-record")]
public sealed record AuditRecord(
    [property: Id(0)] string RunId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Actor,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string PayloadJson,
    [property: Id(6)] string PreviousHash,
    [property: Id(7)] string Hash);
