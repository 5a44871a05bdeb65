using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains;

/// <summary>A grain state that keeps its own audit stream: the head it chained last.</summary>
public interface IChainedAuditState
{
    long AuditSequence { get; set; }

    string? AuditHeadHash { get; set; }
}

internal static class ChainedAudit
{
    /// <summary>
    /// Seals the next record of <paramref name="stream"/> onto the state's head and adds it to <paramref name="sealedRecords"/>,
    /// to be committed with the change it describes (<see cref="CommitSealedAsync{TState}"/>).
    /// </summary>
    public static void Chain(
        this IChainedAuditState state, List<AuditRecord> sealedRecords, string stream, string kind, string actor, DateTimeOffset at, object payload)
    {
        var sequence = state.AuditSequence + 1;
        var record = AuditChain.Seal(stream, sequence, kind, actor, at, AuditJson.Serialize(payload), state.AuditHeadHash ?? AuditChain.GenesisHash);
        sealedRecords.Add(record);
        state.AuditSequence = sequence;
        state.AuditHeadHash = record.Hash;
    }

    /// <summary>
    /// Commits the state with the records sealed since the last commit. They are dropped either way: a failed commit
    /// restores the head they were sealed onto.
    /// </summary>
    public static async Task CommitSealedAsync<TState>(this IDurableState<TState> state, List<AuditRecord> sealedRecords)
        where TState : class, new()
    {
        AuditRecord[] records = [.. sealedRecords];
        sealedRecords.Clear();
        await state.CommitAsync(records);
    }

    /// <summary>Checks the stream in the audit table against the head the committed state recorded.</summary>
    public static async Task<AuditVerification> VerifyAsync(this IChainedAuditState committed, IAuditStore store, string stream)
    {
        var records = await store.ReadAsync(stream, CancellationToken.None);
        return AuditChain.Verify(stream, records, committed.AuditSequence, committed.AuditHeadHash);
    }
}
