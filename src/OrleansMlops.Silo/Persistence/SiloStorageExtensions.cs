using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Storage.Reminders;
using OrleansMlops.Storage.Sqlite;
using OrleansMlops.Storage.Transitions;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Silo.Persistence;

public static class SiloStorageExtensions
{
    /// <summary>The ADO.NET invariant under which Orleans' membership provider uses Npgsql's factory.</summary>
    public const string PostgreSqlInvariant = "Npgsql";

    /// <summary>
    /// Keeps grain state (Orleans' grain storage and <see cref="IDurableState{TState}"/>) and reminders in SQLite through the <see cref="TransitionStore"/> and <see cref="ISqlWriter"/>
    /// that <c>AddMlopsStorage</c> registers (group commit over <paramref name="dataSource"/>), and applies the schema
    /// early in silo start-up, before any grain is activated. The caller owns the data source and disposes it after the
    /// silo stops.
    /// </summary>
    public static ISiloBuilder UseMlopsSqlite(this ISiloBuilder silo, DbDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(dataSource);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaInitializer(cancellationToken => SqliteDatabase.EnsureSchemaAsync(dataSource, cancellationToken)));
        AddGrainStorageAndReminders(silo);
        return silo;
    }

    /// <summary>
    /// The same in the PostgreSQL database behind <paramref name="dataSource"/>, which also holds cluster membership
    /// (Orleans' ADO.NET provider), so silos of one cluster find each other and share state. The caller configures
    /// endpoints and cluster identity.
    /// </summary>
    public static ISiloBuilder UseMlopsPostgreSql(this ISiloBuilder silo, DbDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(dataSource);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new SchemaInitializer(cancellationToken => PostgreSqlDatabase.EnsureSchemaAsync(dataSource, cancellationToken)));
        AddGrainStorageAndReminders(silo);
        silo.UseAdoNetClustering(options =>
        {
            // Orleans accepts exactly one of ConnectionString and DataSource.
            options.Invariant = PostgreSqlInvariant;
            options.ConnectionString = null;
            options.DataSource = dataSource;
        });
        return silo;
    }

    private static void AddGrainStorageAndReminders(ISiloBuilder silo)
    {
        silo.Services.AddDurableGrainState();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => new LegacyStateGuard(
            services.GetRequiredService<DbDataSource>(), services.GetRequiredService<IOptions<ClusterOptions>>()));
        foreach (var name in new[] { ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, DurableStateAttribute.RunsStorageName })
        {
            silo.Services.AddGrainStorage(name, (services, storageName) => new SqlGrainStorage(
                storageName,
                ServiceId(services),
                services.GetRequiredService<ITransitionStore>(),
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        }

        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(services => new SqlReminderTableAdapter(new SqlReminderTable(
            services.GetRequiredService<DbDataSource>(), services.GetRequiredService<ISqlWriter>(), ServiceId(services))));
    }

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

    /// <summary>
    /// Applies the schema at <see cref="ServiceLifecycleStage.RuntimeInitialize"/>, ahead of cluster membership, which
    /// loads its queries from OrleansQuery (RuntimeGrainServices), and of every grain.
    /// </summary>
    private sealed class SchemaInitializer(Func<CancellationToken, Task> applySchema) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(SchemaInitializer), ServiceLifecycleStage.RuntimeInitialize, applySchema);
    }
}
