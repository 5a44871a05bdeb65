using System.Globalization;
using Orleans.Storage;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Host.Persistence;

/// <summary>
/// Orleans grain storage whose writes go through group commit: concurrent grains' states share one transaction and one
/// fsync, and each write returns only after its transaction committed. The audit records and gate decisions a state
/// carries (<see cref="IAuditedGrainState"/>, <see cref="IDecisionOutboxState"/>) are appended in the same savepoint as
/// the state, and so is a run's index row (<see cref="IIndexedRunState"/>): a transition, its audit record, its decisions
/// and its listing are stored together or not at all, and the stored state does not repeat them.
/// </summary>
internal sealed class GroupCommitGrainStorage(
    string name,
    string serviceId,
    SqlGrainStateTable table,
    ISqlWriter writer,
    IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await table.ReadAsync(Key(stateName, grainId), CancellationToken.None);
        grainState.ETag = stored is null ? null : ETag(stored.Version);
        grainState.RecordExists = stored?.Payload is not null;
        grainState.State = stored?.Payload is { } payload ? serializer.Deserialize<T>(new BinaryData(payload)) : Activator.CreateInstance<T>();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // The audit table and the decision log take these in this very transaction, so the stored state need not carry them.
        var auditOutbox = (grainState.State as IAuditedGrainState)?.AuditOutbox;
        var decisionOutbox = (grainState.State as IDecisionOutboxState)?.DecisionOutbox;
        var records = Drain(auditOutbox);
        var decisions = Drain(decisionOutbox);
        var indexed = grainState.State as IIndexedRunState;
        var indexRow = indexed?.PendingIndexRow;
        try
        {
            var payload = serializer.Serialize(grainState.State).ToArray();
            List<SqlWork> alongside = [];
            if (records.Length > 0)
            {
                alongside.Add(SqlAuditStore.Append(records));
            }

            if (decisions.Length > 0)
            {
                alongside.Add(SqlDecisionStore.Append(decisions));
            }

            if (indexRow is not null)
            {
                alongside.Add(SqlRunIndex.Upsert(indexRow));
            }

            var version = await WriteAsync(Key(stateName, grainId), grainState.ETag, payload, alongside);
            grainState.ETag = ETag(version);
            grainState.RecordExists = true;
            if (indexed is not null && ReferenceEquals(indexed.PendingIndexRow, indexRow))
            {
                indexed.PendingIndexRow = null;
            }
        }
        catch
        {
            auditOutbox?.InsertRange(0, records);
            decisionOutbox?.InsertRange(0, decisions);
            throw;
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            // The row stays, without a payload, so its version keeps rising and no ETag comes back.
            grainState.ETag = ETag(await WriteAsync(Key(stateName, grainId), grainState.ETag, payload: null, alongside: []));
        }

        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    /// <summary>Writes the state row and then, in the same savepoint, the <paramref name="alongside"/> work.</summary>
    private async Task<long> WriteAsync(GrainStateKey key, string? etag, byte[]? payload, IReadOnlyList<SqlWork> alongside)
    {
        long version = 0;
        var state = SqlGrainStateTable.Write(key, ParseETag(etag), payload, written => version = written);
        var work = alongside.Count == 0
            ? state
            : async (session, cancellationToken) =>
            {
                await state(session, cancellationToken);
                foreach (var other in alongside)
                {
                    await other(session, cancellationToken);
                }
            };
        try
        {
            await writer.ExecuteAsync(work, CancellationToken.None);
        }
        // Rethrown as exceptions Orleans can carry back to the grain's caller; ours are unknown to its serializer.
        catch (GrainStateConflictException e)
        {
            throw new InconsistentStateException(e.Message, storedEtag: "(changed)", currentEtag: etag ?? "(none)");
        }
        catch (AuditStoreException e)
        {
            throw new InvalidOperationException($"The state of grain '{key.GrainId}' was not stored: {e.Message}");
        }

        return version;
    }

    private static TItem[] Drain<TItem>(List<TItem>? outbox)
    {
        if (outbox is not { Count: > 0 })
        {
            return [];
        }

        TItem[] items = [.. outbox];
        outbox.Clear();
        return items;
    }

    private GrainStateKey Key(string stateName, GrainId grainId) => new(serviceId, name, grainId.ToString(), stateName);

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? ParseETag(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);
}
