using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using OrleansMlops.Silo.Clustering;
using OrleansMlops.Silo.Persistence;
using OrleansMlops.Storage.PostgreSql;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// Configures each test silo as the host does in PostgreSQL mode: clustering, grain storage and reminders in the
/// database named in the cluster's configuration, and the host's default failure detection. The configurator is
/// created by the test cluster, so the connection string travels through configuration, not a field.
/// </summary>
public sealed class PostgreSqlSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionStringKey = "MlopsTests:PostgreSqlConnectionString";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[ConnectionStringKey]
            ?? throw new InvalidOperationException($"Test cluster configuration lacks '{ConnectionStringKey}'.");
        // Each silo owns its data source, as a separate process would, and closes it once the silo has stopped.
        var storage = new StorageOptions { Provider = StorageOptions.PostgreSqlProvider, PostgreSql = { ConnectionString = connectionString } };
        var dataSource = PostgreSqlDatabase.CreateDataSource(storage.PostgreSql);
        siloBuilder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new DataSourceCloser(dataSource));
        siloBuilder.Services.AddMlopsStorage(storage, dataSource);
        siloBuilder.UseMlopsPostgreSql(dataSource);
        siloBuilder.Configure<ClusterMembershipOptions>(new MembershipTuningOptions().ApplyTo);
    }

    /// <summary>Disposes the data source at the stop of the first stage, which runs after every other stage has stopped.</summary>
    private sealed class DataSourceCloser(DbDataSource dataSource) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(
                nameof(DataSourceCloser),
                ServiceLifecycleStage.First,
                _ => Task.CompletedTask,
                _ => dataSource.DisposeAsync().AsTask());
    }
}
