using Dapper;

namespace OrleansMlops.Storage.Tests;

/// <summary>
/// Runs the stored Orleans queries directly with the parameter names Orleans 10.4.2 binds, to pin down the
/// branches a single-silo cluster rarely reaches (insert races, wrapping hash ranges).
/// </summary>
public sealed class OrleansQueryContractTests
{
    private static async Task<string> QueryTextAsync(TempDatabase database, string key) =>
        await database.ScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", new { key });

    // Like Orleans, reads NewGrainStateVersion from every result set, not only the first.
    private static async Task<long[]> WriteAsync(TempDatabase database, int? version, string payload)
    {
        var sql = await QueryTextAsync(database, "WriteToStorageKey");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        using var results = await connection.QueryMultipleAsync(sql, new
        {
            GrainIdHash = 11,
            GrainIdN0 = 0L,
            GrainIdN1 = 5L,
            GrainTypeHash = 22,
            GrainTypeString = "counter",
            GrainIdExtensionString = (string?)null,
            ServiceId = "svc",
            GrainStateVersion = version,
            PayloadBinary = System.Text.Encoding.UTF8.GetBytes(payload),
        });
        var versions = new List<long>();
        while (!results.IsConsumed)
        {
            versions.AddRange(await results.ReadAsync<long>());
        }

        return versions.ToArray();
    }

    [Fact]
    public async Task Write_inserts_once_then_only_updates_the_version_it_was_given()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();

        var inserted = await WriteAsync(database, null, "a");
        var twinInsert = await WriteAsync(database, null, "twin");
        var updated = await WriteAsync(database, 1, "b");
        var staleUpdate = await WriteAsync(database, 1, "stale");

        Assert.Equal([1L], inserted);
        Assert.Empty(twinInsert);
        Assert.Equal([2L], updated);
        Assert.Empty(staleUpdate);

        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage"));
        Assert.Equal("b", await database.ScalarAsync<string>("SELECT CAST(PayloadBinary AS TEXT) FROM OrleansStorage"));
    }

    [Fact]
    public async Task Reminder_ranges_cover_plain_and_wrapping_hash_ranges()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        foreach (var hash in new[] { int.MinValue, -5, 0, 5, 100, int.MaxValue })
        {
            await database.ExecuteAsync(
                "INSERT INTO OrleansRemindersTable VALUES ('svc', @GrainId, 'r', '2025-01-01 00:00:00', 60000, @GrainHash, 0)",
                new { GrainId = $"g/{hash}", GrainHash = hash });
        }

        async Task<string[]> RangeAsync(string key, int beginHash, int endHash)
        {
            var sql = await QueryTextAsync(database, key);
            await using var connection = await database.DataSource.OpenConnectionAsync();
            var rows = await connection.QueryAsync<string>(
                $"SELECT GrainId FROM ({sql.Trim().TrimEnd(';')}) ORDER BY GrainId",
                new { ServiceId = "svc", BeginHash = beginHash, EndHash = endHash });
            return rows.ToArray();
        }

        Assert.Equal(["g/0", "g/5"], await RangeAsync("ReadRangeRows1Key", -5, 5));
        Assert.Equal(["g/-2147483648", "g/-5", "g/2147483647"], await RangeAsync("ReadRangeRows2Key", 100, -5));
    }

    [Fact]
    public async Task Reminder_delete_answers_one_boolean_column()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        await database.ExecuteAsync(
            "INSERT INTO OrleansRemindersTable VALUES ('svc', 'g/1', 'r', '2025-01-01 00:00:00', 60000, 1, 3)");
        var sql = await QueryTextAsync(database, "DeleteReminderRowKey");

        async Task<long> DeleteAsync(int version)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            return await connection.QuerySingleAsync<long>(
                sql, new { ServiceId = "svc", GrainId = "g/1", ReminderName = "r", Version = version });
        }

        Assert.Equal(0, await DeleteAsync(2));
        Assert.Equal(1, await DeleteAsync(3));
        Assert.Equal(0, await DeleteAsync(3));
    }
}
