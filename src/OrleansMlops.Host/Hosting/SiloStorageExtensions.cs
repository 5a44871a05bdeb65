using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Host.Persistence;
using OrleansMlops.Storage;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Storage.Reminders;
using OrleansMlops.Storage.Sqlite;
using OrleansMlops.Storage.Writes;

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
    /// With <paramref name="groupCommit"/> enabled, grain state and reminders are written through the
    /// <see cref="ISqlWriter"/> that <c>AddMlopsStorage</c> registers (group commit); otherwise through Orleans' ADO.NET
    /// providers, one transaction each.
    /// </summary>
    public static ISiloBuilder UseMlopsSqlite(this ISiloBuilder silo, DbDataSource dataSource, GroupCommitOptions groupCommit)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(groupCommit);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaInitializer(cancellationToken => SqliteDatabase.EnsureSchemaAsync(dataSource, cancellationToken)));
        AddGrainStorageAndReminders(silo, dataSource, SqliteInvariant, groupCommit);
        return silo;
    }

    /// <summary>
    /// Keeps Orleans' default grain storage, the "runs" grain storage, the reminder table and cluster membership
    /// in the PostgreSQL database behind <paramref name="dataSource"/>, so silos of one cluster find each other
    /// and share state. Applies the embedded schema early in silo start-up, before any provider reads its
    /// queries. The caller configures endpoints and cluster identity, owns the data source and disposes it
    /// after the silo stops. <paramref name="groupCommit"/> as for <see cref="UseMlopsSqlite"/>.
    /// </summary>
    public static ISiloBuilder UseMlopsPostgreSql(this ISiloBuilder silo, DbDataSource dataSource, GroupCommitOptions groupCommit)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(groupCommit);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaInitializer(cancellationToken => PostgreSqlDatabase.EnsureSchemaAsync(dataSource, cancellationToken)));
        AddGrainStorageAndReminders(silo, dataSource, PostgreSqlInvariant, groupCommit);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgreSqlInvariant;
            options.ConnectionString = null;
            options.DataSource = dataSource;
        });
        return silo;
    }

    private static void AddGrainStorageAndReminders(ISiloBuilder silo, DbDataSource dataSource, string invariant, GroupCommitOptions groupCommit)
    {
        if (groupCommit.Enabled)
        {
            AddGroupCommitGrainStorageAndReminders(silo);
            return;
        }

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

    private static void AddGroupCommitGrainStorageAndReminders(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => new OrleansStateGuard(
            new SqlGrainStateTable(services.GetRequiredService<DbDataSource>()), ServiceId(services)));
        foreach (var name in new[] { ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, RunsStorageName })
        {
            silo.Services.AddGrainStorage(name, (services, storageName) => new GroupCommitGrainStorage(
                storageName,
                ServiceId(services),
                new SqlGrainStateTable(services.GetRequiredService<DbDataSource>()),
                services.GetRequiredService<ISqlWriter>(),
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        }

        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(services => new GroupCommitReminderTable(new SqlReminderTable(
            services.GetRequiredService<DbDataSource>(), services.GetRequiredService<ISqlWriter>(), ServiceId(services))));
    }

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

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
    /// Refuses to start with group commit over a deployment whose grain state only Orleans' ADO.NET storage wrote (a
    /// database from before group commit, or run with it off): every grain would start afresh, and the role directory
    /// and the runs would fork their audit chains. Runs after the schema, before any grain is activated.
    /// </summary>
    private sealed class OrleansStateGuard(SqlGrainStateTable table, string serviceId) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(OrleansStateGuard), ServiceLifecycleStage.RuntimeInitialize + 1, async cancellationToken =>
            {
                if (await table.OnlyOrleansStateExistsAsync(serviceId, cancellationToken))
                {
                    throw new InvalidOperationException(
                        $"The database holds grain state of service '{serviceId}' that Orleans' ADO.NET storage wrote (Storage:GroupCommit:Enabled "
                        + "was false, or the database predates group commit), and none that group commit wrote. Group commit keeps grain state "
                        + "in other tables and cannot take that state over, so starting would begin every run and the role directory afresh. "
                        + "Start with Storage:GroupCommit:Enabled=false to keep using it.");
                }
            });
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
