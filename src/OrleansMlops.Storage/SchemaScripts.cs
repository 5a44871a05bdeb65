using System.Data.Common;
using System.Reflection;

namespace OrleansMlops.Storage;

/// <summary>
/// The embedded schema scripts of one database, run in ordinal file-name order: 0xx are Orleans' tables and queries,
/// 1xx ours. Every script is idempotent, so all of them run at every start.
/// </summary>
internal sealed class SchemaScripts
{
    private readonly string _resourcePrefix;
    private readonly string _database;

    private SchemaScripts(string folder, string database)
    {
        _resourcePrefix = $"OrleansMlops.Storage.Sql.{folder}.";
        _database = database;
    }

    public static SchemaScripts Sqlite { get; } = new("Sqlite", "SQLite");

    public static SchemaScripts PostgreSql { get; } = new("PostgreSql", "PostgreSQL");

    public IReadOnlyList<string> FileNames() =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(_resourcePrefix, StringComparison.Ordinal))
            .Select(name => name[_resourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<(string FileName, string Sql)> Load() =>
        FileNames().Select(Load).ToList();

    /// <summary>One script, for a store that creates its own table when it is used before the schema is applied.</summary>
    public (string FileName, string Sql) Load(string fileName) => (fileName, Read(fileName));

    /// <summary>
    /// Runs <paramref name="scripts"/> in one transaction, after <paramref name="prelude"/> (e.g. taking a lock) when
    /// given. A failing script is named in the error, and the transaction leaves the database as it was.
    /// </summary>
    public async Task RunAsync(
        DbDataSource dataSource, IReadOnlyList<(string FileName, string Sql)> scripts, string? prelude, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (prelude is not null)
        {
            await ExecuteAsync(connection, transaction, prelude, cancellationToken);
        }

        foreach (var (fileName, sql) in scripts)
        {
            try
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
            }
            catch (DbException exception)
            {
                throw new InvalidOperationException($"{_database} schema script '{fileName}' failed: {exception.Message}", exception);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Assembly Assembly => typeof(SchemaScripts).Assembly;

    private string Read(string fileName)
    {
        using var stream = Assembly.GetManifestResourceStream(_resourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded SQL script '{_resourcePrefix}{fileName}' is missing from {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
