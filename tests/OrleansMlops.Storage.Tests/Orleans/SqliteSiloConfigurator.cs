using Orleans.TestingHost;
using OrleansMlops.Host.Hosting;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// Configures each test silo the way the host does, over the SQLite file named in the cluster's configuration.
/// The configurator is created by the test cluster, so the path travels through configuration, not a field.
/// </summary>
public sealed class SqliteSiloConfigurator : ISiloConfigurator
{
    public const string DatabasePathKey = "MlopsTests:SqlitePath";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var path = siloBuilder.Configuration[DatabasePathKey]
            ?? throw new InvalidOperationException($"Test cluster configuration lacks '{DatabasePathKey}'.");
        // Not disposed here: pooled handles are shared by connection string, and the test's TempDatabase
        // (same path, same options) clears that pool when it is disposed.
        var dataSource = SqliteDatabase.CreateDataSource(new SqliteStorageOptions { DatabasePath = path });
        siloBuilder.UseMlopsSqlite(dataSource);
    }
}
