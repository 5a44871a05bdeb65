using System.Globalization;
using Orleans.Storage;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Transitions;

namespace OrleansMlops.Silo.Persistence;

/// <summary>
/// Orleans grain storage for the grains whose state is all their change needs to store: each write is a
/// <see cref="GrainTransition"/> without rows, group-committed with whatever else is being written at the time.
/// Grains whose changes also add audit records, decisions or an index row commit them through <c>IDurableState</c>.
/// </summary>
internal sealed class SqlGrainStorage(string name, string serviceId, ITransitionStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.ReadAsync(Key(stateName, grainId), CancellationToken.None);
        grainState.ETag = stored is null ? null : ETag(stored.Version);
        grainState.RecordExists = stored?.Payload is not null;
        grainState.State = stored?.Payload is { } payload ? serializer.Deserialize<T>(new BinaryData(payload)) : Activator.CreateInstance<T>();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = ETag(await CommitAsync(Key(stateName, grainId), grainState.ETag, payload));
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            // The row stays, without a payload, so its version keeps rising and no ETag comes back.
            grainState.ETag = ETag(await CommitAsync(Key(stateName, grainId), grainState.ETag, payload: null));
        }

        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task<long> CommitAsync(GrainStateKey key, string? etag, byte[]? payload)
    {
        try
        {
            return await store.CommitAsync(new GrainTransition(key, ParseETag(etag), payload), CancellationToken.None);
        }
        // Rethrown as the exception Orleans knows for a stale ETag; ours is unknown to its serializer.
        catch (GrainStateConflictException e)
        {
            throw new InconsistentStateException(e.Message, storedEtag: "(changed)", currentEtag: etag ?? "(none)");
        }
    }

    private GrainStateKey Key(string stateName, GrainId grainId) => new(serviceId, name, grainId.ToString(), stateName);

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? ParseETag(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);
}
