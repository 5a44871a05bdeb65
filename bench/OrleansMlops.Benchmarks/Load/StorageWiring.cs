using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Host.Hosting;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The memory variant of the engine's storage, and what a started silo actually resolves: the harness checks it rather
/// than trusting registration order.
/// </summary>
internal static class StorageWiring
{
    private static readonly string[] EngineStorageNames = [ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, SiloStorageExtensions.RunsStorageName];

    /// <summary>
    /// Orleans' memory grain storage for "Default" (models, environments, directory…) and "runs", and the in-memory
    /// reminder table, over the group commit ones AddMlopsEngine registered (so call it after, on the production wiring).
    /// Orleans resolves a named grain storage as the last keyed registration and the reminder table as the last
    /// registration, so these win. Our own stores (audit, run index, decisions) are not Orleans providers and stay on
    /// SQLite.
    /// </summary>
    public static ISiloBuilder UseMemoryGrainStateAndReminders(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorageAsDefault();
        silo.AddMemoryGrainStorage(SiloStorageExtensions.RunsStorageName);

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

    /// <summary>The types a started silo resolves for the engine's grain storages and its reminder table.</summary>
    public static string Describe(IServiceProvider services) =>
        $"grain state {StorageType(services, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)} (Default) and "
        + $"{StorageType(services, SiloStorageExtensions.RunsStorageName)} (runs), reminders {services.GetRequiredService<IReminderTable>().GetType().Name}";

    /// <summary>Throws unless both grain storages and the reminder table really are the in-memory ones.</summary>
    public static void RequireMemory(IServiceProvider services)
    {
        var notMemory = EngineStorageNames.Where(name => services.GetRequiredKeyedService<IGrainStorage>(name) is not MemoryGrainStorage).ToArray();
        var reminders = services.GetRequiredService<IReminderTable>().GetType().Name;
        if (notMemory.Length > 0 || !reminders.Contains("Memory", StringComparison.Ordinal))
        {
            throw new LoadHarnessException(
                $"The memory configuration did not take effect: {Describe(services)}. Expected MemoryGrainStorage and the in-memory reminder table.");
        }
    }

    private static string StorageType(IServiceProvider services, string name) =>
        services.GetRequiredKeyedService<IGrainStorage>(name).GetType().Name;
}
