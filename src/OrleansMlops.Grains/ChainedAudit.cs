using System.Text.Json;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Models;

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
    /// Commits the state with the records sealed since the last commit (and a model version's registry row). They are
    /// dropped either way: a failed commit restores the head they were sealed onto.
    /// </summary>
    public static async Task CommitSealedAsync<TState>(this IDurableState<TState> state, List<AuditRecord> sealedRecords, ModelIndexRow? modelRow = null)
        where TState : class, new()
    {
        AuditRecord[] records = [.. sealedRecords];
        sealedRecords.Clear();
        await state.CommitAsync(records, modelRow: modelRow);
    }

    /// <summary>
    /// The items of a stream that records one item per record (its payload): up to <paramref name="limit"/> after
    /// sequence <paramref name="after"/> and through <paramref name="head"/>, the head the grain committed.
    /// </summary>
    public static async Task<List<T>> ReadItemsAsync<T>(this IAuditStore store, string stream, long after, long head, int limit)
    {
        var records = await store.ReadPageAsync(stream, after, head, limit, CancellationToken.None);
        return [.. records.Select(ItemOf<T>)];
    }

    /// <summary>Every item of such a stream through <paramref name="head"/>, read <paramref name="page"/> records at a time.</summary>
    public static async Task<List<T>> ReadAllItemsAsync<T>(this IAuditStore store, string stream, long head, int page)
    {
        var items = new List<T>();
        List<T> read;
        do
        {
            read = await store.ReadItemsAsync<T>(stream, items.Count, head, page);
            items.AddRange(read);
        }
        while (read.Count == page);

        return items;
    }

    private static T ItemOf<T>(AuditRecord record) =>
        JsonSerializer.Deserialize<T>(record.PayloadJson, AuditJson.Options)
        ?? throw new InvalidOperationException($"Audit record {record.Sequence} of '{record.RunId}' holds no {typeof(T).Name}.");

    /// <summary>Checks the stream in the audit table against the head the committed state recorded.</summary>
    public static async Task<AuditVerification> VerifyAsync(this IChainedAuditState committed, IAuditStore store, string stream)
    {
        var records = await store.ReadAsync(stream, CancellationToken.None);
        return AuditChain.Verify(stream, records, committed.AuditSequence, committed.AuditHeadHash);
    }
}
