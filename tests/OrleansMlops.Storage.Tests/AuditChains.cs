using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Storage.Tests;

/// <summary>Builds correctly sealed chains for tests.</summary>
internal static class AuditChains
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(2));

    public static IReadOnlyList<AuditRecord> Build(string runId, int count)
    {
        var records = new List<AuditRecord>();
        var previous = AuditChain.GenesisHash;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var record = AuditChain.Seal(
                runId,
                sequence,
                sequence == 1 ? "run.started" : "stage.completed",
                "alice",
                Start.AddTicks(sequence * 12_345_678L),
                $$"""{"step":{{sequence}}}""",
                previous);
            records.Add(record);
            previous = record.Hash;
        }

        return records;
    }
}
