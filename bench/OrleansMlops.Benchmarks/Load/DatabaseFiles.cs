using Microsoft.Data.Sqlite;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>A SQLite database's size on disk (the file and its write-ahead log) and what the harness counts in it.</summary>
internal sealed record DatabaseFiles(long MainBytes, long WalBytes)
{
    public long TotalBytes => MainBytes + WalBytes;

    public static DatabaseFiles Of(string databasePath) => new(SizeOf(databasePath), SizeOf(databasePath + "-wal"));

    /// <summary>The engine's reminders.</summary>
    public static Task<long> CountRemindersAsync(string databasePath) => CountRowsAsync(databasePath, "grain_reminders");

    /// <summary>Rows of one table.</summary>
    public static async Task<long> CountRowsAsync(string databasePath, string table)
    {
        await using var connection = await OpenReadOnlyAsync(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A read-only connection of its own, not pooled: the harness deletes the directory afterwards.</summary>
    public static async Task<SqliteConnection> OpenReadOnlyAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
