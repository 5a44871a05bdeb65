using System.Data.Common;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Host.Hosting;

public static class SiloStorageExtensions
{
    /// <summary>Name of the grain storage that run grains use (<c>[PersistentState("...", RunsStorageName)]</c>).</summary>
    public const string RunsStorageName = "runs";

    /// <summary>
    /// The ADO.NET invariant under which Orleans uses Microsoft.Data.Sqlite's factory;
    /// "Microsoft.Data.Sqlite" itself is rejected by Orleans.
    /// </summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>
    /// Keeps Orleans' default grain storage, the "runs" grain storage and the reminder table in SQLite,
    /// all through <paramref name="dataSource"/> so every connection gets our pragmas (WAL, synchronous,
    /// busy timeout). Also applies the embedded schema early in silo start-up, before any provider reads
    /// its queries. The caller owns the data source and disposes it after the silo stops.
    /// </summary>
    public static ISiloBuilder UseMlopsSqlite(this ISiloBuilder silo, DbDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(dataSource);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new SchemaInitializer(dataSource));
        silo.AddAdoNetGrainStorageAsDefault(options => UseDataSource(options, dataSource));
        silo.AddAdoNetGrainStorage(RunsStorageName, options => UseDataSource(options, dataSource));
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).Configure<Serializer>(UseOrleansSerializer);
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(RunsStorageName).Configure<Serializer>(UseOrleansSerializer);
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = SqliteInvariant;
            options.ConnectionString = null;
            options.DataSource = dataSource;
        });
        return silo;
    }

    // The provider's default is Newtonsoft JSON, which cannot rebuild immutable records and collections; Orleans'
    // own serializer can, and it tolerates added fields through the [Id] numbering.
    private static void UseOrleansSerializer(AdoNetGrainStorageOptions options, Serializer serializer) =>
        options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);

    // Orleans accepts exactly one of ConnectionString and DataSource.
    private static void UseDataSource(AdoNetGrainStorageOptions options, DbDataSource dataSource)
    {
        options.Invariant = SqliteInvariant;
        options.ConnectionString = null;
        options.DataSource = dataSource;
    }

    /// <summary>
    /// Applies the schema at <see cref="ServiceLifecycleStage.RuntimeInitialize"/>, ahead of grain storage
    /// (ApplicationServices) and the reminder service, which load their queries from OrleansQuery when they start.
    /// </summary>
    private sealed class SchemaInitializer(DbDataSource dataSource) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(
                nameof(SchemaInitializer),
                ServiceLifecycleStage.RuntimeInitialize,
                cancellationToken => SqliteDatabase.EnsureSchemaAsync(dataSource, cancellationToken));
    }
}
