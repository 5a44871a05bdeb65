using System.Data.Common;
using Dapper;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Testing;

namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>A fresh database on the test process's throwaway PostgreSQL server; dropped with the server at exit.</summary>
internal sealed class TempPostgreSqlDatabase : ITestDatabase
{
    private TempPostgreSqlDatabase(PostgreSqlStorageOptions options)
    {
        Options = options;
        StorageOptions = new StorageOptions { Provider = StorageOptions.PostgreSqlProvider, PostgreSql = options };
        DataSource = PostgreSqlDatabase.CreateDataSource(options);
    }

    public PostgreSqlStorageOptions Options { get; }

    public StorageOptions StorageOptions { get; }

    public SqlDialect Dialect => SqlDialect.PostgreSql;

    public DbDataSource DataSource { get; }

    public string ConnectionString => Options.ConnectionString;

    /// <summary>A fresh database; with <paramref name="icuLocale"/>, one whose default collation is that locale's.</summary>
    public static async Task<TempPostgreSqlDatabase> CreateAsync(string? icuLocale = null)
    {
        var server = await PostgresServer.Shared;
        return new TempPostgreSqlDatabase(
            new PostgreSqlStorageOptions { ConnectionString = await server.CreateDatabaseAsync(icuLocale: icuLocale) });
    }

    /// <summary>A fresh database with the schema applied.</summary>
    public static async Task<TempPostgreSqlDatabase> CreateWithSchemaAsync()
    {
        var database = await CreateAsync();
        await database.EnsureSchemaAsync();
        return database;
    }

    public Task EnsureSchemaAsync() => PostgreSqlDatabase.EnsureSchemaAsync(DataSource, CancellationToken.None);

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

    /// <summary>Waits until a session on this database waits for a lock that another one holds.</summary>
    public Task WaitForBlockedSessionAsync() =>
        Eventually.Until(
            () => ScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"),
            blocked => blocked > 0,
            what: "a session blocked on a lock");

    public async Task<bool> HasIndexLedByAsync(string table, string column) =>
        await ScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid "
            + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0] WHERE t.relname = @Table AND a.attname = @Column",
            new { Table = table, Column = column }) > 0;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
