using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Storage.Stores;

/// <summary>An audit_records row as Dapper reads it and the append binds it (integers as long, times as UTC round-trip text).</summary>
internal sealed class AuditRow
{
    public string RunId { get; set; } = "";
    public long Sequence { get; set; }
    public string Kind { get; set; } = "";
    public string Actor { get; set; } = "";
    public string At { get; set; } = "";
    public string PayloadJson { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public static AuditRow From(AuditRecord record) => new()
    {
        RunId = record.RunId,
        Sequence = record.Sequence,
        Kind = record.Kind,
        Actor = record.Actor,
        At = UtcTimestamp.Format(record.At),
        PayloadJson = record.PayloadJson,
        PreviousHash = record.PreviousHash,
        Hash = record.Hash,
    };

    public AuditRecord ToRecord() =>
        new(RunId, Sequence, Kind, Actor, UtcTimestamp.Parse(At), PayloadJson, PreviousHash, Hash);

    /// <summary>Whether two rows carry the same stored text in every column.</summary>
    public bool SameAs(AuditRow other) =>
        string.Equals(RunId, other.RunId, StringComparison.Ordinal)
        && Sequence == other.Sequence
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && string.Equals(Actor, other.Actor, StringComparison.Ordinal)
        && string.Equals(At, other.At, StringComparison.Ordinal)
        && string.Equals(PayloadJson, other.PayloadJson, StringComparison.Ordinal)
        && string.Equals(PreviousHash, other.PreviousHash, StringComparison.Ordinal)
        && string.Equals(Hash, other.Hash, StringComparison.Ordinal);
}
