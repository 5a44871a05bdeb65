using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Storage.Transitions;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The memory variant of the engine's storage, and what a started silo actually resolves: the harness checks it rather
/// than trusting registration order.
/// </summary>
internal static class StorageWiring
{
    private static readonly string[] EngineStorageNames = [ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, DurableStateAttribute.RunsStorageName];

    /// <summary>
    /// Orleans' memory grain storage for "Default" (models, environments, registry…) and "runs", the in-memory reminder
    /// table and a <see cref="MemoryTransitionStore"/> for the grains with durable states (runs, directory, workflows),
    /// over the SQL ones AddMlopsEngine registered (so call it after, on the production wiring): the last registration
    /// of each wins. The rows of transitions (audit, run index, decisions) stay on SQLite, where views read them.
    /// </summary>
    public static ISiloBuilder UseMemoryGrainStateAndReminders(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ITransitionStore, MemoryTransitionStore>();
        silo.AddMemoryGrainStorageAsDefault();
        silo.AddMemoryGrainStorage(DurableStateAttribute.RunsStorageName);

        // The memory storage serializes with Newtonsoft JSON by default, several times slower than the Orleans
        // serializer the engine's storage uses: an upper bound must not pay for that.
        foreach (var name in EngineStorageNames)
        {
            silo.Services.AddOptions<MemoryGrainStorageOptions>(name).Configure<Serializer>(
                (options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }
        silo.UseInMemoryReminderService();
        return silo;
    }

    /// <summary>The types a started silo resolves for the engine's grain storages, transitions and its reminder table.</summary>
    public static string Describe(IServiceProvider services) =>
        $"grain state {StorageType(services, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)} (Default) and "
        + $"{StorageType(services, DurableStateAttribute.RunsStorageName)} (runs), transitions {services.GetRequiredService<ITransitionStore>().GetType().Name}, "
        + $"reminders {services.GetRequiredService<IReminderTable>().GetType().Name}";

    /// <summary>Throws unless both grain storages and the reminder table really are the in-memory ones.</summary>
    public static void RequireMemory(IServiceProvider services)
    {
        var notMemory = EngineStorageNames.Where(name => services.GetRequiredKeyedService<IGrainStorage>(name) is not MemoryGrainStorage).ToArray();
        var reminders = services.GetRequiredService<IReminderTable>().GetType().Name;
        if (notMemory.Length > 0 || !reminders.Contains("Memory", StringComparison.Ordinal) || services.GetRequiredService<ITransitionStore>() is not MemoryTransitionStore)
        {
            throw new LoadHarnessException(
                $"The memory configuration did not take effect: {Describe(services)}. Expected MemoryGrainStorage, MemoryTransitionStore and the in-memory reminder table.");
        }
    }

    private static string StorageType(IServiceProvider services, string name) =>
        services.GetRequiredKeyedService<IGrainStorage>(name).GetType().Name;
}
