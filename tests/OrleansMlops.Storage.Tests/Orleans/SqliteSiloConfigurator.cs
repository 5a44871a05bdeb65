using Orleans.TestingHost;
using OrleansMlops.Silo.Persistence;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// Configures each test silo the way the host does, over the SQLite file named in the cluster's configuration.
/// The configurator is created by the test cluster, so the path travels through configuration, not a field.
/// </summary>
public sealed class SqliteSiloConfigurator : ISiloConfigurator
{
    public const string DatabasePathKey = "MlopsTests:SqlitePath";

    /// <summary>
    /// Deploys one silo over the SQLite file at <paramref name="databasePath"/>. Storage and reminder rows are keyed by
    /// <paramref name="serviceId"/>, pinned so that a redeployed cluster finds its data.
    /// </summary>
    public static async Task<TestCluster> DeployAsync(string serviceId, string databasePath)
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Properties[DatabasePathKey] = databasePath;
        builder.AddSiloBuilderConfigurator<SqliteSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public void Configure(ISiloBuilder siloBuilder)
    {
        var path = siloBuilder.Configuration[DatabasePathKey]
            ?? throw new InvalidOperationException($"Test cluster configuration lacks '{DatabasePathKey}'.");
        // Not disposed here: pooled handles are shared by connection string, and the test's TempDatabase
        // (same path, same options) clears that pool when it is disposed.
        var storage = new StorageOptions { Sqlite = { DatabasePath = path } };
        var dataSource = SqliteDatabase.CreateDataSource(storage.Sqlite);
        siloBuilder.Services.AddMlopsStorage(storage, dataSource);
        siloBuilder.UseMlopsSqlite(dataSource);
    }
}
