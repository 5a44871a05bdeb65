using OrleansMlops.Storage.Reminders;

namespace OrleansMlops.Silo.Persistence;

/// <summary>
/// Orleans' reminder table over <c>grain_reminders</c>; registering and removing reminders goes through group commit,
/// so a run's reminder costs no transaction of its own.
/// </summary>
internal sealed class SqlReminderTableAdapter(SqlReminderTable rows) : IReminderTable
{
    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        new((await rows.ReadAsync(grainId.ToString(), CancellationToken.None)).Select(Entry));

    public async Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        new((await rows.ReadRangeAsync(begin, end, CancellationToken.None)).Select(Entry));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        await rows.ReadAsync(grainId.ToString(), reminderName, CancellationToken.None) is { } row ? Entry(row) : null;

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var version = await rows.UpsertAsync(
            new ReminderRow(
                entry.GrainId.ToString(),
                entry.ReminderName,
                entry.StartAt.ToUniversalTime().Ticks,
                entry.Period.Ticks,
                entry.GrainId.GetUniformHashCode(),
                Version: 0),
            CancellationToken.None);
        return ETag(version);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        long.TryParse(eTag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? rows.RemoveAsync(grainId.ToString(), reminderName, version, CancellationToken.None)
            : Task.FromResult(false);

    public Task TestOnlyClearTable() => rows.RemoveAllAsync(CancellationToken.None);

    private static ReminderEntry Entry(ReminderRow row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId),
        ReminderName = row.ReminderName,
        StartAt = new DateTime(row.StartAtTicks, DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(row.PeriodTicks),
        ETag = ETag(row.Version),
    };

    private static string ETag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
