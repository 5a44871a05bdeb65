using System.Data.Common;
using Dapper;
using OrleansMlops.Storage.Sqlite;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests;

/// <summary>A SQLite file in its own temporary directory, deleted with the directory on dispose.</summary>
internal sealed class TempDatabase : ITestDatabase
{
    private TempDatabase(string directory, SqliteStorageOptions options)
    {
        Directory = directory;
        Options = options;
        StorageOptions = new StorageOptions { Provider = StorageOptions.SqliteProvider, Sqlite = options };
        DataSource = SqliteDatabase.CreateDataSource(options);
    }

    public string Directory { get; }

    public SqliteStorageOptions Options { get; }

    public StorageOptions StorageOptions { get; }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public DbDataSource DataSource { get; }

    public string DatabasePath => Options.DatabasePath;

    /// <summary>A fresh database; the directory is created by <see cref="SqliteDatabase.CreateDataSource"/>, as in production.</summary>
    public static TempDatabase Create(string synchronous = SqliteStorageOptions.SynchronousFull)
    {
        var directory = Path.Combine(Path.GetTempPath(), "orleans-mlops-storage-tests", Guid.NewGuid().ToString("N"));
        var options = new SqliteStorageOptions
        {
            DatabasePath = Path.Combine(directory, "nested", "test.db"),
            Synchronous = synchronous,
        };
        return new TempDatabase(directory, options);
    }

    /// <summary>A fresh database with the schema applied.</summary>
    public static async Task<TempDatabase> CreateWithSchemaAsync()
    {
        var database = Create();
        await database.EnsureSchemaAsync();
        return database;
    }

    public Task EnsureSchemaAsync() => SqliteDatabase.EnsureSchemaAsync(DataSource, CancellationToken.None);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters)
            ?? throw new InvalidOperationException($"'{sql}' returned no value.");
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<bool> HasIndexLedByAsync(string table, string column) =>
        await ScalarAsync<long>(
            "SELECT COUNT(*) FROM pragma_index_list(@Table) l, pragma_index_info(l.name) i WHERE i.seqno = 0 AND i.name = @Column",
            new { Table = table, Column = column }) > 0;

    public async ValueTask DisposeAsync()
    {
        // Disposing the data source closes the pooled handles (and so the WAL files) before the directory goes.
        await DataSource.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
