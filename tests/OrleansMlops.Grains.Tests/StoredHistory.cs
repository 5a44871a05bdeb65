using System.Collections.Immutable;
using System.Data.Common;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Transitions;

namespace OrleansMlops.Grains.Tests;

/// <summary>Reads and writes grains' stored states as they are in the database, for the tests of long histories.</summary>
internal static class StoredHistory
{
    /// <summary>The length of the grain's stored state row.</summary>
    public static async Task<int> PayloadLength(this EngineCluster engine, IAddressable grain, string stateName)
    {
        await using var connection = await engine.SiloService<DbDataSource>().OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM grain_state WHERE grain_id = @id AND state_name = @state";
        AddParameter(command, "@id", grain.GetGrainId().ToString());
        AddParameter(command, "@state", stateName);
        return ((byte[])(await command.ExecuteScalarAsync())!).Length;
    }

    /// <summary>Stores <paramref name="state"/> as the grain's state before it ever activated, as an older release stored it.</summary>
    public static async Task StoreStateAsync<TState>(this EngineCluster engine, IAddressable grain, string stateName, TState state)
    {
        var serializer = new OrleansGrainStorageSerializer(engine.SiloService<Serializer>());
        await engine.SiloService<ITransitionStore>().CommitAsync(
            new GrainTransition(Key(engine, grain, stateName), null, serializer.Serialize(state).ToArray()), CancellationToken.None);
    }

    /// <summary>Changes the grain's stored state while it is not active, e.g. into the shape an older release stored.</summary>
    public static async Task RewriteStateAsync<TState>(this EngineCluster engine, IAddressable grain, string stateName, Action<TState> change)
    {
        var serializer = new OrleansGrainStorageSerializer(engine.SiloService<Serializer>());
        var store = engine.SiloService<ITransitionStore>();
        var key = Key(engine, grain, stateName);
        var stored = (await store.ReadAsync(key, CancellationToken.None))!;
        var state = serializer.Deserialize<TState>(new BinaryData(stored.Payload!))!;
        change(state);
        await store.CommitAsync(new GrainTransition(key, stored.Version, serializer.Serialize(state).ToArray()), CancellationToken.None);
    }

    private static GrainStateKey Key(EngineCluster engine, IAddressable grain, string stateName) =>
        new(engine.SiloService<IOptions<ClusterOptions>>().Value.ServiceId, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, grain.GetGrainId().ToString(), stateName);

    /// <summary>Registers <paramref name="version"/> of <paramref name="model"/> and approves it, as its run would.</summary>
    public static async Task<IModelVersionGrain> RegisterApprovedAsync(this IClusterClient client, string model, int version)
    {
        var runId = $"run-{model}-{version}";
        var lineage = new ModelLineage(
            "credit-applicants", "2026-11", [], "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6",
            ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, "alice", EngineCluster.Epoch);
        var registration = new ModelRegistration(
            model, "creditworthiness assessment", "high", $"artifacts/{model}-{version}.zip", new string('a', 64), lineage, ImmutableDictionary<string, double>.Empty);
        var grain = client.GetGrain<IModelVersionGrain>(new ModelVersionKey(model, version).GrainKey);
        await grain.Register(runId, registration, "alice");
        await grain.MarkValidated(runId, ImmutableDictionary<string, double>.Empty, "vera");
        await grain.MarkApproved(runId, "bob");
        return grain;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
