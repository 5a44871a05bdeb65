using Microsoft.Data.Sqlite;

namespace OrleansMlops.Storage.Sqlite;

/// <summary>
/// A SQLite connection that applies our pragmas each time it opens. Orleans' ADO.NET storage, which the benchmark's
/// baseline runs over this data source, requires connections of the SqliteConnection type, so this derives from it. busy_timeout, synchronous and
/// foreign_keys are per connection and a pooled handle may be reused by another connection object, hence
/// "every open", not "first open".
/// </summary>
internal sealed class PragmaSqliteConnection(string connectionString, string pragmaSql) : SqliteConnection(connectionString)
{
    // DbConnection.OpenAsync calls Open() (SqliteConnection does not override it), so this covers both.
    public override void Open()
    {
        if (State == System.Data.ConnectionState.Open)
        {
            return;
        }

        base.Open();
        using var command = CreateCommand();
        command.CommandText = pragmaSql;
        command.ExecuteNonQuery();
    }
}
