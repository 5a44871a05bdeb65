using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Storage;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// A silo with nothing but Orleans' ADO.NET grain storage on a SQLite file (WAL, synchronous=FULL), wired explicitly
/// rather than through AddMlopsEngine: the engine has its own group-commit storage, and the baseline is what Orleans
/// itself gives. The data source (our pragmas on every connection) comes from the storage project, Orleans' tables from
/// the script beside this file; the state is serialized with Orleans' serializer, as the engine's is.
/// </summary>
internal sealed class BaselineHost : IAsyncDisposable
{
    public const string StorageName = "baseline";

    /// <summary>The ADO.NET invariant under which Orleans uses Microsoft.Data.Sqlite's factory; "Microsoft.Data.Sqlite" itself is refused.</summary>
    private const string SqliteInvariant = "System.Data.SQLite";

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
        await ApplyOrleansSchemaAsync(dataSource);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory.Path });
        builder.Logging.ClearProviders().AddProvider(warnings).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            silo.AddAdoNetGrainStorage(StorageName, options =>
            {
                // Orleans accepts exactly one of ConnectionString and DataSource.
                options.Invariant = SqliteInvariant;
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

    /// <summary>Orleans' own SQLite tables and queries for its ADO.NET grain storage, which the engine does not use.</summary>
    private static async Task ApplyOrleansSchemaAsync(DbDataSource dataSource)
    {
        await using var script = typeof(BaselineHost).Assembly.GetManifestResourceStream("OrleansMlops.Benchmarks.Load.Sql.orleans-persistence.sql")
            ?? throw new LoadHarnessException("The embedded Orleans SQLite schema of the baseline is missing.");
        using var reader = new StreamReader(script);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = await reader.ReadToEndAsync();
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _dataSource.DisposeAsync();
    }
}
