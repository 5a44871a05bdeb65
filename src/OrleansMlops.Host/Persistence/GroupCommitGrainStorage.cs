using System.Globalization;
using Orleans.Storage;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Host.Persistence;

/// <summary>
/// Orleans grain storage whose writes go through group commit: concurrent grains' states share one transaction and one
/// fsync, and each write returns only after its transaction committed. The audit records a state carries
/// (<see cref="IAuditedGrainState"/>) are appended in the same savepoint as the state, so a transition and its audit
/// record are stored together or not at all.
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
        // The audit table takes the records in this very transaction, so the stored state need not carry them.
        var outbox = (grainState.State as IAuditedGrainState)?.AuditOutbox;
        AuditRecord[] records = outbox is { Count: > 0 } ? [.. outbox] : [];
        outbox?.Clear();
        try
        {
            var payload = serializer.Serialize(grainState.State).ToArray();
            var version = await WriteAsync(Key(stateName, grainId), grainState.ETag, payload, records);
            grainState.ETag = ETag(version);
            grainState.RecordExists = true;
        }
        catch
        {
            outbox?.InsertRange(0, records);
            throw;
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            // The row stays, without a payload, so its version keeps rising and no ETag comes back.
            grainState.ETag = ETag(await WriteAsync(Key(stateName, grainId), grainState.ETag, payload: null, records: []));
        }

        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task<long> WriteAsync(GrainStateKey key, string? etag, byte[]? payload, AuditRecord[] records)
    {
        long version = 0;
        var state = SqlGrainStateTable.Write(key, ParseETag(etag), payload, written => version = written);
        var work = records.Length == 0
            ? state
            : async (connection, transaction, cancellationToken) =>
            {
                await state(connection, transaction, cancellationToken);
                await SqlAuditStore.Append(records)(connection, transaction, cancellationToken);
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

    private GrainStateKey Key(string stateName, GrainId grainId) => new(serviceId, name, grainId.ToString(), stateName);

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? ParseETag(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);
}
