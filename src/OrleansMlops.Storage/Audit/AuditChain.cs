using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Storage.Audit;

/// <summary>
/// Seals and verifies a run's hash chain of audit records. The hash covers a canonical encoding in which
/// every field is length-prefixed, so no two different records can encode to the same bytes
/// (e.g. kind "ab" + actor "c" versus kind "a" + actor "bc").
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of a run's first record.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // Versions the encoding: a future change of fields or order must not collide with today's hashes.
    private const string EncodingTag = "orleans-mlops/audit-record/v1";

    /// <summary>
    /// Builds the record with its hash. Deterministic: the same inputs always give an equal record,
    /// so re-sealing during a replay reproduces exactly what was stored. <paramref name="at"/> is kept in UTC.
    /// </summary>
    public static AuditRecord Seal(
        string runId, long sequence, string kind, string actor, DateTimeOffset at, string payloadJson, string previousHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(payloadJson);
        ArgumentException.ThrowIfNullOrEmpty(previousHash);

        var utc = at.ToUniversalTime();
        var hash = ComputeHash(runId, sequence, kind, actor, utc, payloadJson, previousHash);
        return new AuditRecord(runId, sequence, kind, actor, utc, payloadJson, previousHash, hash);
    }

    /// <summary>The hash the record's contents should carry (lowercase hex SHA-256).</summary>
    public static string ComputeHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ComputeHash(
            record.RunId, record.Sequence, record.Kind, record.Actor, record.At, record.PayloadJson, record.PreviousHash);
    }

    /// <summary>
    /// Checks a run's records (as read, in sequence order) against the head the run itself recorded:
    /// sequences 1..n without gaps or repeats, each record linked to its predecessor, each hash matching
    /// its contents, and the chain ending exactly at <paramref name="expectedHeadSequence"/> (with
    /// <paramref name="expectedHeadHash"/> when given), which catches truncation.
    /// </summary>
    public static AuditVerification Verify(
        string runId, IReadOnlyList<AuditRecord> records, long expectedHeadSequence, string? expectedHeadHash) =>
        AuditChainVerifier.Verify(runId, records, expectedHeadSequence, expectedHeadHash);

    private static string ComputeHash(
        string runId, long sequence, string kind, string actor, DateTimeOffset at, string payloadJson, string previousHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, EncodingTag);
        Append(hash, previousHash);
        Append(hash, runId);
        Append(hash, sequence.ToString(CultureInfo.InvariantCulture));
        Append(hash, kind);
        Append(hash, actor);
        Append(hash, UtcTimestamp.Format(at));
        Append(hash, payloadJson);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Field = 4-byte big-endian length of the UTF-8 bytes, then the bytes.
    private static void Append(IncrementalHash hash, string field)
    {
        var bytes = Encoding.UTF8.GetBytes(field);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
