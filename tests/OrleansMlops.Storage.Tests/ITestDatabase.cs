using System.Data.Common;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests;

/// <summary>A throwaway database, SQLite or PostgreSQL, that the store tests run against alike.</summary>
internal interface ITestDatabase : IAsyncDisposable
{
    DbDataSource DataSource { get; }

    /// <summary>Storage options selecting this database, as a host would configure them.</summary>
    StorageOptions StorageOptions { get; }

    SqlDialect Dialect { get; }

    /// <summary>Applies the database's whole schema, as a silo does at start.</summary>
    Task EnsureSchemaAsync();

    Task<T> ScalarAsync<T>(string sql, object? parameters = null);

    Task<int> ExecuteAsync(string sql, object? parameters = null);

    /// <summary>Whether some index of <paramref name="table"/> has <paramref name="column"/> as its first column.</summary>
    Task<bool> HasIndexLedByAsync(string table, string column);
}
