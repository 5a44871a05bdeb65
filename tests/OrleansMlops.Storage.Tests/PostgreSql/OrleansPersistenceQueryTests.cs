using System.Text;

namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>
/// The grain-state queries of 003-orleans-persistence.sql, run with the parameters Orleans 10.4.2 binds, including the
/// branches one silo rarely reaches: a twin's first write, a stale version, writers racing on PostgreSQL.
/// </summary>
public sealed class OrleansPersistenceQueryTests : IAsyncLifetime
{
    private TempPostgreSqlDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempPostgreSqlDatabase.CreateWithSchemaAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // Integer-keyed grains bind a NULL extension; string-keyed ones bind their key there.
    private static object Grain(string? extension = null, int? version = null, string? payload = null) => new
    {
        GrainIdHash = 11,
        GrainIdN0 = 0L,
        GrainIdN1 = 5L,
        GrainTypeHash = 22,
        GrainTypeString = "counter",
        GrainIdExtensionString = extension,
        ServiceId = "svc",
        GrainStateVersion = version,
        PayloadBinary = payload is null ? null : Encoding.UTF8.GetBytes(payload),
    };

    private Task<List<int>> WriteAsync(string? extension, int? version, string payload) =>
        _database.ColumnAsync<int>("WriteToStorageKey", Grain(extension, version, payload), "NewGrainStateVersion");

    private async Task<(string? Payload, int Version)?> ReadAsync(string? extension = null)
    {
        var rows = await _database.RowsAsync<StoredState>("ReadFromStorageKey", Grain(extension));
        return rows.Count switch
        {
            0 => null,
            1 => (rows[0].PayloadBinary is { } bytes ? Encoding.UTF8.GetString(bytes) : null, rows[0].Version),
            _ => throw new InvalidOperationException($"ReadFromStorageKey returned {rows.Count} rows."),
        };
    }

    [Fact]
    public async Task Write_inserts_once_then_only_updates_the_version_it_was_given()
    {
        Assert.Equal([1], await WriteAsync(null, null, "a"));
        Assert.Empty(await WriteAsync(null, null, "twin"));
        Assert.Equal([2], await WriteAsync(null, 1, "b"));
        Assert.Empty(await WriteAsync(null, 1, "stale"));
        Assert.Empty(await WriteAsync(null, 7, "from the future"));

        Assert.Equal(("b", 2), await ReadAsync());
        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage"));
    }

    [Fact]
    public async Task A_null_extension_and_a_string_key_are_different_grains()
    {
        Assert.Equal([1], await WriteAsync(null, null, "integer key"));
        Assert.Equal([1], await WriteAsync("run-7", null, "string key"));

        Assert.Equal(("integer key", 1), await ReadAsync());
        Assert.Equal(("string key", 1), await ReadAsync("run-7"));
        Assert.Null(await ReadAsync("run-8"));
    }

    [Fact]
    public async Task Clear_keeps_the_row_without_payload_and_moves_the_version_on()
    {
        await WriteAsync(null, null, "a");

        Assert.Empty(await _database.ColumnAsync<int>("ClearStorageKey", Grain(version: 2), "NewGrainStateVersion"));
        Assert.Equal([2], await _database.ColumnAsync<int>("ClearStorageKey", Grain(version: 1), "NewGrainStateVersion"));

        Assert.Equal((null, 2), await ReadAsync());
        Assert.Equal([3], await WriteAsync(null, 2, "after clear"));
    }

    [Fact]
    public async Task Delete_removes_the_row_only_at_the_version_given_and_answers_a_different_one()
    {
        await WriteAsync(null, null, "a");

        Assert.Empty(await _database.ColumnAsync<int>("DeleteStorageKey", Grain(version: 2), "NewGrainStateVersion"));
        Assert.Equal([2], await _database.ColumnAsync<int>("DeleteStorageKey", Grain(version: 1), "NewGrainStateVersion"));

        Assert.Null(await ReadAsync());
        Assert.Equal([1], await WriteAsync(null, null, "again"));
    }

    [Fact]
    public async Task Racing_first_writes_leave_one_row_and_one_winner()
    {
        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => WriteAsync("race", null, $"writer {i}"))));

        Assert.Single(writes, versions => versions.SequenceEqual([1]));
        Assert.Equal(7, writes.Count(versions => versions.Count == 0));
        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage"));
    }

    private sealed class StoredState
    {
        public byte[]? PayloadBinary { get; set; }

        public int Version { get; set; }
    }
}
