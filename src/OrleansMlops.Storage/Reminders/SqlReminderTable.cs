using System.Data.Common;
using Dapper;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Reminders;

/// <summary>
/// Reminder rows in <c>grain_reminders</c>, on SQLite or PostgreSQL, for one deployment (service id). Reads go straight
/// to the database; upserts and removals go through the <see cref="ISqlWriter"/>, so with group commit they share
/// transactions with grain state.
/// </summary>
public sealed class SqlReminderTable(DbDataSource dataSource, ISqlWriter writer, string serviceId)
{
    private const string Columns =
        "grain_id AS GrainId, reminder_name AS ReminderName, start_at_ticks AS StartAtTicks, period_ticks AS PeriodTicks, "
        + "grain_hash AS GrainHash, version AS Version";

    private const string SelectGrain = $"SELECT {Columns} FROM grain_reminders WHERE service_id = @ServiceId AND grain_id = @GrainId";

    private const string SelectOne = $"{SelectGrain} AND reminder_name = @ReminderName";

    // The ring range (begin, end] of unsigned hashes; when it wraps (begin >= end) it is everything outside (end, begin].
    private const string SelectInRange =
        $"SELECT {Columns} FROM grain_reminders WHERE service_id = @ServiceId AND grain_hash > @Begin AND grain_hash <= @End";

    private const string SelectOutsideRange =
        $"SELECT {Columns} FROM grain_reminders WHERE service_id = @ServiceId AND (grain_hash > @Begin OR grain_hash <= @End)";

    private const string Upsert =
        "INSERT INTO grain_reminders (service_id, grain_id, reminder_name, start_at_ticks, period_ticks, grain_hash, version) "
        + "VALUES (@ServiceId, @GrainId, @ReminderName, @StartAtTicks, @PeriodTicks, @GrainHash, 1) "
        + "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET start_at_ticks = excluded.start_at_ticks, "
        + "period_ticks = excluded.period_ticks, grain_hash = excluded.grain_hash, version = grain_reminders.version + 1 "
        + "RETURNING version";

    private const string Delete =
        "DELETE FROM grain_reminders WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName "
        + "AND version = @Version";

    private const string DeleteAll = "DELETE FROM grain_reminders WHERE service_id = @ServiceId";

    public async Task<IReadOnlyList<ReminderRow>> ReadAsync(string grainId, CancellationToken cancellationToken) =>
        await QueryAsync(SelectGrain, new { ServiceId = serviceId, GrainId = grainId }, cancellationToken);

    public async Task<ReminderRow?> ReadAsync(string grainId, string reminderName, CancellationToken cancellationToken) =>
        (await QueryAsync(SelectOne, new { ServiceId = serviceId, GrainId = grainId, ReminderName = reminderName }, cancellationToken))
            .SingleOrDefault();

    /// <summary>The reminders whose grain hash lies in the ring range (<paramref name="begin"/>, <paramref name="end"/>].</summary>
    public async Task<IReadOnlyList<ReminderRow>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken) =>
        await QueryAsync(begin < end ? SelectInRange : SelectOutsideRange, new { ServiceId = serviceId, Begin = (long)begin, End = (long)end }, cancellationToken);

    /// <summary>Stores the reminder (its version is ignored) and returns the row's new version.</summary>
    public async Task<long> UpsertAsync(ReminderRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        long version = 0;
        await writer.ExecuteAsync(
            async (session, token) => version = await session.Connection.ExecuteScalarAsync<long>(
                new CommandDefinition(Upsert, Parameters(row), session.Transaction, cancellationToken: token)),
            cancellationToken);
        return version;
    }

    /// <summary>Removes the reminder if it is still at <paramref name="version"/>; false when it was not (changed or gone).</summary>
    public async Task<bool> RemoveAsync(string grainId, string reminderName, long version, CancellationToken cancellationToken)
    {
        var removed = false;
        await writer.ExecuteAsync(
            async (session, token) => removed = await session.Connection.ExecuteAsync(new CommandDefinition(
                Delete,
                new { ServiceId = serviceId, GrainId = grainId, ReminderName = reminderName, Version = version },
                session.Transaction,
                cancellationToken: token)) > 0,
            cancellationToken);
        return removed;
    }

    public Task RemoveAllAsync(CancellationToken cancellationToken) =>
        writer.ExecuteAsync(
            (session, token) => session.Connection.ExecuteAsync(
                new CommandDefinition(DeleteAll, new { ServiceId = serviceId }, session.Transaction, cancellationToken: token)),
            cancellationToken);

    private object Parameters(ReminderRow row) => new
    {
        ServiceId = serviceId,
        row.GrainId,
        row.ReminderName,
        row.StartAtTicks,
        row.PeriodTicks,
        row.GrainHash,
    };

    private async Task<IReadOnlyList<ReminderRow>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
