using System.Data.Common;
using Dapper;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Testing;

namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>A fresh database on the test process's throwaway PostgreSQL server; dropped with the server at exit.</summary>
internal sealed class TempPostgreSqlDatabase : IAsyncDisposable
{
    private TempPostgreSqlDatabase(PostgreSqlStorageOptions options)
    {
        Options = options;
        DataSource = PostgreSqlDatabase.CreateDataSource(options);
    }

    public PostgreSqlStorageOptions Options { get; }

    public DbDataSource DataSource { get; }

    public string ConnectionString => Options.ConnectionString;

    public static async Task<TempPostgreSqlDatabase> CreateAsync()
    {
        var server = await PostgresServer.Shared;
        return new TempPostgreSqlDatabase(new PostgreSqlStorageOptions { ConnectionString = await server.CreateDatabaseAsync() });
    }

    /// <summary>A fresh database with the schema applied.</summary>
    public static async Task<TempPostgreSqlDatabase> CreateWithSchemaAsync()
    {
        var database = await CreateAsync();
        await PostgreSqlDatabase.EnsureSchemaAsync(database.DataSource, CancellationToken.None);
        return database;
    }

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

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
