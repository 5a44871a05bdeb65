using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrleansMlops.Storage.Sqlite;

/// <summary>Opens the SQLite database and keeps its schema current.</summary>
public static class SqliteDatabase
{
    /// <summary>
    /// A data source whose every opened connection runs
    /// <c>PRAGMA busy_timeout; journal_mode=WAL; synchronous; foreign_keys=ON; temp_store=MEMORY</c>.
    /// Creates the database directory if missing. The caller owns (and disposes) the result.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static DbDataSource CreateDataSource(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var fullPath = Path.GetFullPath(options.DatabasePath);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        return new SqlitePragmaDataSource(connectionString, PragmaSql(options));
    }

    /// <summary>
    /// Applies every embedded script in a fixed order inside one transaction. The scripts are
    /// idempotent, so this runs at every start; a failure leaves the database as it was.
    /// </summary>
    public static Task EnsureSchemaAsync(DbDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return ApplyAsync(dataSource, SchemaScripts.Sqlite.Load(), cancellationToken);
    }

    /// <summary>Applies the given scripts (of <see cref="SchemaScripts.Sqlite"/>) in one transaction.</summary>
    internal static Task ApplyAsync(
        DbDataSource dataSource, IReadOnlyList<(string FileName, string Sql)> scripts, CancellationToken cancellationToken) =>
        SchemaScripts.Sqlite.RunAsync(dataSource, scripts, prelude: null, cancellationToken);

    // busy_timeout goes first so that switching to WAL, which needs a lock on a fresh file, waits instead of failing.
    // temp_store=MEMORY keeps statement journals off the disk: a statement that inserts several rows inside a larger
    // transaction (a decision's rule results) journals the pages it changes, and in a temporary file that doubled the
    // bytes the writer wrote per transition.
    private static string PragmaSql(SqliteStorageOptions options) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout={options.BusyTimeoutMilliseconds}; PRAGMA journal_mode=WAL; "
            + $"PRAGMA synchronous={options.Synchronous.ToUpperInvariant()}; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
}
