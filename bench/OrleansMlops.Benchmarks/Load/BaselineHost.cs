using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Host.Hosting;
using OrleansMlops.Storage;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// A silo with nothing but Orleans' ADO.NET grain storage on a SQLite file (WAL, synchronous=FULL), wired explicitly
/// rather than through AddMlopsEngine: the engine's storage is due to be replaced by our own group-commit storage, and
/// the baseline must stay what Orleans itself gives. The data source (our pragmas on every connection) and the schema
/// come from the storage project; the state is serialized with Orleans' serializer, as the engine's is.
/// </summary>
internal sealed class BaselineHost : IAsyncDisposable
{
    public const string StorageName = "baseline";

    private readonly IHost _host;
    private readonly DbDataSource _dataSource;

    private BaselineHost(IHost host, DbDataSource dataSource, string databasePath)
    {
        _host = host;
        _dataSource = dataSource;
        DatabasePath = databasePath;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public string DatabasePath { get; }

    public static async Task<BaselineHost> StartAsync(ScratchDirectory directory, WarningLog warnings)
    {
        var databasePath = directory.File("baseline.db");
        var dataSource = SqliteDatabase.CreateDataSource(new SqliteStorageOptions
        {
            DatabasePath = databasePath,
            Synchronous = SqliteStorageOptions.SynchronousFull,
        });
        await SqliteDatabase.EnsureSchemaAsync(dataSource, CancellationToken.None);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory.Path });
        builder.Logging.ClearProviders().AddProvider(warnings).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            silo.AddAdoNetGrainStorage(StorageName, options =>
            {
                // Orleans accepts exactly one of ConnectionString and DataSource.
                options.Invariant = SiloStorageExtensions.SqliteInvariant;
                options.ConnectionString = null;
                options.DataSource = dataSource;
            });
            silo.Services.AddOptions<AdoNetGrainStorageOptions>(StorageName).Configure<Serializer>(
                (options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            await dataSource.DisposeAsync();
            throw;
        }

        return new BaselineHost(host, dataSource, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _dataSource.DisposeAsync();
    }
}
