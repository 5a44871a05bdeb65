using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains;

/// <summary>A grain state that keeps its own audit stream: the head it chained last and the records not yet appended.</summary>
public interface IChainedAuditState : IAuditedGrainState
{
    long AuditSequence { get; set; }

    string? AuditHeadHash { get; set; }
}

internal static class ChainedAudit
{
    /// <summary>
    /// Seals the next record of <paramref name="stream"/> onto the state's head and puts it in the outbox, so it is
    /// persisted with the change it describes (the caller writes the state next).
    /// </summary>
    public static AuditRecord Chain(this IChainedAuditState state, string stream, string kind, string actor, DateTimeOffset at, object payload)
    {
        var sequence = state.AuditSequence + 1;
        var record = AuditChain.Seal(stream, sequence, kind, actor, at, AuditJson.Serialize(payload), state.AuditHeadHash ?? AuditChain.GenesisHash);
        state.AuditOutbox.Add(record);
        state.AuditSequence = sequence;
        state.AuditHeadHash = record.Hash;
        return record;
    }

    /// <summary>Checks the stream in the audit table against the head the state recorded; flush the outbox first.</summary>
    public static async Task<AuditVerification> VerifyAsync(this IChainedAuditState state, IAuditStore store, string stream)
    {
        var records = await store.ReadAsync(stream, CancellationToken.None);
        return AuditChain.Verify(stream, records, state.AuditSequence, state.AuditHeadHash);
    }
}
