using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Storage.Audit;

/// <summary>The checks behind <see cref="AuditChain.Verify"/>; each problem names the sequence number concerned.</summary>
internal static class AuditChainVerifier
{
    public static AuditVerification Verify(
        string runId, IReadOnlyList<AuditRecord> records, long expectedHeadSequence, string? expectedHeadHash)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(records);
        var problems = new List<string>();
        AuditRecord? previous = null;
        foreach (var record in records)
        {
            CheckRecord(runId, previous, record, problems);
            previous = record;
        }

        CheckHead(previous, expectedHeadSequence, expectedHeadHash, problems);
        return new AuditVerification(
            runId, problems.Count == 0, records.Count, expectedHeadSequence, previous?.Hash, problems);
    }

    private static void CheckRecord(string runId, AuditRecord? previous, AuditRecord record, List<string> problems)
    {
        var sequence = record.Sequence;
        if (!string.Equals(record.RunId, runId, StringComparison.Ordinal))
        {
            problems.Add($"Sequence {sequence}: belongs to run '{record.RunId}', not '{runId}'.");
        }

        if (!string.Equals(AuditChain.ComputeHash(record), record.Hash, StringComparison.Ordinal))
        {
            problems.Add($"Sequence {sequence}: hash does not match the record's contents (tampered or corrupted).");
        }

        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        if (sequence > expectedSequence)
        {
            problems.Add(expectedSequence == sequence - 1
                ? $"Sequence {sequence}: sequence {expectedSequence} is missing (gap)."
                : $"Sequence {sequence}: sequences {expectedSequence}..{sequence - 1} are missing (gap).");
            return;
        }

        if (sequence < expectedSequence)
        {
            problems.Add(previous is not null && sequence == previous.Sequence
                ? $"Sequence {sequence}: appears more than once (duplicate)."
                : $"Sequence {sequence}: follows sequence {expectedSequence - 1} (out of order).");
            return;
        }

        // The link is checked only between consecutive sequences; a gap or repeat is already reported above.
        var expectedPrevious = previous?.Hash ?? AuditChain.GenesisHash;
        if (!string.Equals(record.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            problems.Add(previous is null
                ? $"Sequence {sequence}: previous hash is not the genesis hash (broken link)."
                : $"Sequence {sequence}: previous hash does not equal the hash of sequence {previous.Sequence} (broken link).");
        }
    }

    private static void CheckHead(AuditRecord? last, long expectedHeadSequence, string? expectedHeadHash, List<string> problems)
    {
        var lastSequence = last?.Sequence ?? 0;
        if (lastSequence < expectedHeadSequence)
        {
            problems.Add(
                $"Sequence {expectedHeadSequence}: expected head is missing; the chain ends at sequence {lastSequence} (truncated).");
            return;
        }

        if (lastSequence > expectedHeadSequence)
        {
            problems.Add(
                $"Sequence {lastSequence}: the chain goes past the expected head at sequence {expectedHeadSequence}.");
            return;
        }

        if (last is not null && expectedHeadHash is not null
            && !string.Equals(last.Hash, expectedHeadHash, StringComparison.Ordinal))
        {
            problems.Add($"Sequence {lastSequence}: head hash differs from the expected head hash.");
        }
    }
}
