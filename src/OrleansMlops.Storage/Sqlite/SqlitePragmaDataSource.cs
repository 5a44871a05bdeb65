using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OrleansMlops.Storage.Sqlite;

/// <summary>
/// The data source of our stores (and of the benchmark's Orleans ADO.NET baseline), so that every connection,
/// whoever opens it, runs the same pragmas. Disposing it closes the pooled idle handles to the file.
/// </summary>
internal sealed class SqlitePragmaDataSource(string connectionString, string pragmaSql) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new PragmaSqliteConnection(connectionString, pragmaSql);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ClearPool();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        ClearPool();
        return base.DisposeAsyncCore();
    }

    private void ClearPool()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
