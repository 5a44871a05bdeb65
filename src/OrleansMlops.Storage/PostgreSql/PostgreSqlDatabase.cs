using System.Data.Common;
using Npgsql;

namespace OrleansMlops.Storage.PostgreSql;

/// <summary>Connects to the cluster's PostgreSQL database and keeps its schema current.</summary>
public static class PostgreSqlDatabase
{
    // Any fixed number: every process applying the schema takes the same transaction-scoped lock.
    private const long SchemaLockKey = 0x4d4c4f5053; // "MLOPS"

    /// <summary>
    /// A data source with the pool capped at <see cref="PostgreSqlStorageOptions.MaxPoolSize"/> and automatic preparation
    /// at <see cref="PostgreSqlStorageOptions.MaxAutoPrepare"/>. The caller owns it.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static DbDataSource CreateDataSource(PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            MaxPoolSize = options.MaxPoolSize,
            MaxAutoPrepare = options.MaxAutoPrepare,
        };
        return new NpgsqlDataSourceBuilder(connectionString.ConnectionString).Build();
    }

    /// <summary>
    /// Applies every embedded script in one transaction, under an advisory lock so silos starting together apply it
    /// one after the other. The scripts are idempotent; a failure leaves the database as it was.
    /// </summary>
    public static Task EnsureSchemaAsync(DbDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return ApplyAsync(dataSource, SchemaScripts.PostgreSql.Load(), cancellationToken);
    }

    /// <summary>
    /// Applies the given scripts (of <see cref="SchemaScripts.PostgreSql"/>) in one transaction under the schema lock, so
    /// they never run concurrently with another process applying the schema: PostgreSQL's CREATE … IF NOT EXISTS and
    /// CREATE OR REPLACE are not safe against a concurrent twin.
    /// </summary>
    internal static Task ApplyAsync(
        DbDataSource dataSource, IReadOnlyList<(string FileName, string Sql)> scripts, CancellationToken cancellationToken) =>
        SchemaScripts.PostgreSql.RunAsync(dataSource, scripts, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken);
}
