using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Schema_applies_twice_without_error()
    {
        await using var database = TempDatabase.Create();

        await SqliteDatabase.EnsureSchemaAsync(database.DataSource, CancellationToken.None);
        await SqliteDatabase.EnsureSchemaAsync(database.DataSource, CancellationToken.None);

        var tables = await database.ScalarAsync<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('grain_state', 'grain_reminders', 'audit_records', 'runs')");
        Assert.Equal(4, tables);
        // The embedded store is the engine's alone: no Orleans ADO.NET table is created.
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'Orleans%'"));
    }

    [Fact]
    public async Task Pragmas_take_effect_on_every_connection()
    {
        await using var database = TempDatabase.Create();

        Assert.Equal("wal", await database.ScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await database.ScalarAsync<long>("PRAGMA synchronous"));
        Assert.Equal(5000, await database.ScalarAsync<long>("PRAGMA busy_timeout"));
        Assert.Equal(1, await database.ScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(2, await database.ScalarAsync<long>("PRAGMA temp_store")); // MEMORY: statement journals stay off the disk

        // A synchronous Open() must run them too, not only OpenConnectionAsync.
        using var connection = database.DataSource.CreateConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(5000L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Normal_synchronous_is_applied()
    {
        await using var database = TempDatabase.Create(SqliteStorageOptions.SynchronousNormal);

        Assert.Equal(1, await database.ScalarAsync<long>("PRAGMA synchronous"));
    }

    [Fact]
    public async Task Creates_the_database_directory()
    {
        await using var database = TempDatabase.Create();

        await SqliteDatabase.EnsureSchemaAsync(database.DataSource, CancellationToken.None);

        Assert.True(File.Exists(database.DatabasePath));
    }

    [Theory]
    [InlineData("OFF")]
    [InlineData("EXTRA")]
    [InlineData("")]
    public void Rejects_synchronous_other_than_full_or_normal(string synchronous)
    {
        var options = new SqliteStorageOptions { Synchronous = synchronous };

        var exception = Assert.Throws<ArgumentException>(() => SqliteDatabase.CreateDataSource(options));

        Assert.Contains($"Storage:Sqlite:Synchronous is '{synchronous}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'FULL' or 'NORMAL'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_missing_path_and_negative_busy_timeout()
    {
        var options = new SqliteStorageOptions { DatabasePath = " ", BusyTimeoutMilliseconds = -1 };

        var problems = options.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Storage:Sqlite:DatabasePath is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Storage:Sqlite:BusyTimeoutMilliseconds is -1", StringComparison.Ordinal));
    }
}
