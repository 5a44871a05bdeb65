namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>
/// The reminder queries of 004-orleans-reminders.sql, run with the parameters Orleans 10.4.2 binds: ETag versions,
/// hash-range reads on both sides of the signed wrap, and the boolean delete answer.
/// </summary>
public sealed class OrleansReminderQueryTests : IAsyncLifetime
{
    private static readonly DateTime StartTime = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private TempPostgreSqlDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempPostgreSqlDatabase.CreateWithSchemaAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // Orleans binds Period as an int, or as a long once the milliseconds exceed int.MaxValue.
    private Task<List<int>> UpsertAsync(string grainId, string reminderName, int grainHash, object period, string serviceId = "svc") =>
        _database.ColumnAsync<int>(
            "UpsertReminderRowKey",
            new { ServiceId = serviceId, GrainId = grainId, ReminderName = reminderName, StartTime, Period = period, GrainHash = grainHash },
            "Version");

    private async Task<string[]> RangeAsync(string key, int beginHash, int endHash) =>
        (await _database.RowsAsync<ReminderRow>(key, new { ServiceId = "svc", BeginHash = beginHash, EndHash = endHash }))
            .Select(row => row.GrainId)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public async Task Upsert_starts_at_version_zero_and_bumps_it_on_every_update()
    {
        Assert.Equal([0], await UpsertAsync("g/1", "retrain", 1, 60_000));
        Assert.Equal([1], await UpsertAsync("g/1", "retrain", 1, 120_000));
        Assert.Equal([0], await UpsertAsync("g/1", "report", 1, 3_000_000_000L));

        var rows = await _database.RowsAsync<ReminderRow>("ReadReminderRowsKey", new { ServiceId = "svc", GrainId = "g/1" });
        Assert.Equal(["report", "retrain"], rows.Select(row => row.ReminderName).Order(StringComparer.Ordinal));
        var retrain = Assert.Single(await _database.RowsAsync<ReminderRow>(
            "ReadReminderRowKey", new { ServiceId = "svc", GrainId = "g/1", ReminderName = "retrain" }));
        Assert.Equal((120_000L, 1, StartTime), (retrain.Period, retrain.Version, retrain.StartTime.ToUniversalTime()));
        Assert.Equal(3_000_000_000L, rows.Single(row => row.ReminderName == "report").Period);
    }

    [Fact]
    public async Task Ranges_cover_plain_and_wrapping_hash_ranges()
    {
        foreach (var hash in new[] { int.MinValue, -5, 0, 5, 100, int.MaxValue })
        {
            await UpsertAsync($"g/{hash}", "r", hash, 60_000);
        }

        await UpsertAsync("g/other-service", "r", 0, 60_000, serviceId: "other");

        Assert.Equal(["g/0", "g/5"], await RangeAsync("ReadRangeRows1Key", -5, 5));
        Assert.Equal(["g/-2147483648", "g/-5", "g/2147483647"], await RangeAsync("ReadRangeRows2Key", 100, -5));
        // Orleans asks for the whole ring with equal bounds, through the wrapping query.
        Assert.Equal(6, (await RangeAsync("ReadRangeRows2Key", 5, 5)).Length);
    }

    [Fact]
    public async Task Delete_answers_whether_the_etag_matched_and_a_row_went_away()
    {
        await UpsertAsync("g/1", "r", 1, 60_000);
        await UpsertAsync("g/1", "r", 1, 60_000);

        Task<bool> DeleteAsync(int version) => _database.SingleBooleanAsync(
            "DeleteReminderRowKey", new { ServiceId = "svc", GrainId = "g/1", ReminderName = "r", Version = version });

        Assert.False(await DeleteAsync(0));
        Assert.True(await DeleteAsync(1));
        Assert.False(await DeleteAsync(1));
    }

    [Fact]
    public async Task Delete_rows_clears_one_service_only()
    {
        await UpsertAsync("g/1", "r", 1, 60_000);
        await UpsertAsync("g/1", "r", 1, 60_000, serviceId: "other");

        await _database.ExecuteStoredAsync("DeleteReminderRowsKey", new { ServiceId = "svc" });

        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansRemindersTable WHERE ServiceId = 'other'"));
        Assert.Equal(0, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansRemindersTable WHERE ServiceId = 'svc'"));
    }

    private sealed class ReminderRow
    {
        public string GrainId { get; set; } = "";

        public string ReminderName { get; set; } = "";

        public DateTime StartTime { get; set; }

        public long Period { get; set; }

        public int Version { get; set; }
    }
}
