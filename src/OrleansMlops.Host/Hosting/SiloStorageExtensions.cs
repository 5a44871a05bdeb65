using System.Data.Common;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Storage.PostgreSql;
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

    /// <summary>The ADO.NET invariant under which Orleans uses Npgsql's factory.</summary>
    public const string PostgreSqlInvariant = "Npgsql";

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

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaInitializer(cancellationToken => SqliteDatabase.EnsureSchemaAsync(dataSource, cancellationToken)));
        AddGrainStorageAndReminders(silo, dataSource, SqliteInvariant);
        return silo;
    }

    /// <summary>
    /// Keeps Orleans' default grain storage, the "runs" grain storage, the reminder table and cluster membership
    /// in the PostgreSQL database behind <paramref name="dataSource"/>, so silos of one cluster find each other
    /// and share state. Applies the embedded schema early in silo start-up, before any provider reads its
    /// queries. The caller configures endpoints and cluster identity, owns the data source and disposes it
    /// after the silo stops.
    /// </summary>
    public static ISiloBuilder UseMlopsPostgreSql(this ISiloBuilder silo, DbDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(dataSource);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaInitializer(cancellationToken => PostgreSqlDatabase.EnsureSchemaAsync(dataSource, cancellationToken)));
        AddGrainStorageAndReminders(silo, dataSource, PostgreSqlInvariant);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgreSqlInvariant;
            options.ConnectionString = null;
            options.DataSource = dataSource;
        });
        return silo;
    }

    private static void AddGrainStorageAndReminders(ISiloBuilder silo, DbDataSource dataSource, string invariant)
    {
        silo.AddAdoNetGrainStorageAsDefault(options => UseDataSource(options, dataSource, invariant));
        silo.AddAdoNetGrainStorage(RunsStorageName, options => UseDataSource(options, dataSource, invariant));
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).Configure<Serializer>(UseOrleansSerializer);
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(RunsStorageName).Configure<Serializer>(UseOrleansSerializer);
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = null;
            options.DataSource = dataSource;
        });
    }

    // The provider's default is Newtonsoft JSON, which cannot rebuild immutable records and collections; Orleans'
    // own serializer can, and it tolerates added fields through the [Id] numbering.
    private static void UseOrleansSerializer(AdoNetGrainStorageOptions options, Serializer serializer) =>
        options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);

    // Orleans accepts exactly one of ConnectionString and DataSource.
    private static void UseDataSource(AdoNetGrainStorageOptions options, DbDataSource dataSource, string invariant)
    {
        options.Invariant = invariant;
        options.ConnectionString = null;
        options.DataSource = dataSource;
    }

    /// <summary>
    /// Applies the schema at <see cref="ServiceLifecycleStage.RuntimeInitialize"/>, ahead of every provider that loads
    /// its queries from OrleansQuery: cluster membership and the reminder service (RuntimeGrainServices) and grain
    /// storage (ApplicationServices).
    /// </summary>
    private sealed class SchemaInitializer(Func<CancellationToken, Task> applySchema) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.RuntimeInitialize, applySchema);
    }
}
