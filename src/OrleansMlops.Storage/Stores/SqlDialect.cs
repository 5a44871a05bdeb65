using System.Data.Common;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Storage.Stores;

/// <summary>
/// The few pieces of SQL in which SQLite and PostgreSQL differ for the same store. Everything else the stores run is
/// accepted by both (INSERT … ON CONFLICT … DO NOTHING / DO UPDATE … WHERE, LIMIT, @name parameters), and each
/// database's schema scripts choose column types that give the rows the same values back: instants as fixed-width UTC
/// text, whole numbers as 64-bit integers, text compared byte for byte.
/// </summary>
public abstract class SqlDialect
{
    // Only this assembly derives dialects: one per supported database.
    private protected SqlDialect()
    {
    }

    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    /// <summary>The dialect of the database <paramref name="options"/> select.</summary>
    /// <exception cref="ArgumentException">The provider is neither SQLite nor PostgreSQL.</exception>
    public static SqlDialect For(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsPostgreSql)
        {
            return PostgreSql;
        }

        return options.IsSqlite
            ? Sqlite
            : throw new ArgumentException($"Storage provider '{options.Provider}' has no SQL dialect.", nameof(options));
    }

    /// <summary>A condition: <paramref name="column"/> equals one of the values in the list parameter <paramref name="parameter"/>.</summary>
    internal abstract string InList(string column, string parameter);

    /// <summary>
    /// A condition: the JSON array kept as text in <paramref name="column"/> holds an object whose
    /// <paramref name="property"/> equals the parameter <paramref name="parameter"/>.
    /// </summary>
    internal abstract string JsonArrayHasObjectWith(string column, string property, string parameter);

    /// <summary>
    /// Applies one of this database's embedded schema scripts, as applying the whole schema would, for a store whose table
    /// must exist before the schema is applied at silo start.
    /// </summary>
    internal abstract Task ApplyScriptAsync(DbDataSource dataSource, string fileName, CancellationToken cancellationToken);
}
