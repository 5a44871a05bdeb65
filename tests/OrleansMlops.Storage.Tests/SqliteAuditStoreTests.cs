using Microsoft.Data.Sqlite;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteAuditStoreTests
{
    private const string Run = "run-audit";

    [Fact]
    public async Task Appends_and_reads_back_equal_records_in_order()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var store = new SqliteAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 4);

        await store.AppendAsync(records.Skip(2).ToList(), CancellationToken.None);
        await store.AppendAsync(records.Take(2).ToList(), CancellationToken.None);
        await store.AppendAsync(AuditChains.Build("other-run", 2), CancellationToken.None);

        var read = await store.ReadAsync(Run, CancellationToken.None);
        Assert.Equal(records, read);
        Assert.True(AuditChain.Verify(Run, read, 4, records[^1].Hash).Valid);
    }

    [Fact]
    public async Task Stores_time_as_utc_round_trip_text()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var records = AuditChains.Build(Run, 1);

        await new SqliteAuditStore(database.DataSource).AppendAsync(records, CancellationToken.None);

        var at = await database.ScalarAsync<string>("SELECT at FROM audit_records WHERE run_id = @Run", new { Run });
        Assert.Equal(records[0].At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture) + "+00:00", at);
    }

    [Fact]
    public async Task Reading_an_unknown_run_gives_no_records()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();

        Assert.Empty(await new SqliteAuditStore(database.DataSource).ReadAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task Replayed_append_is_a_no_op()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var store = new SqliteAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 3);
        await store.AppendAsync(records.Take(2).ToList(), CancellationToken.None);

        // An outbox replay after a crash re-sends what was already stored, plus what was not.
        await store.AppendAsync(records, CancellationToken.None);
        await store.AppendAsync(records, CancellationToken.None);

        Assert.Equal(records, await store.ReadAsync(Run, CancellationToken.None));
    }

    [Fact]
    public async Task Conflicting_hash_throws_and_stores_nothing_of_the_batch()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var store = new SqliteAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 2);
        await store.AppendAsync(records.Take(1).ToList(), CancellationToken.None);
        var fork = AuditChain.Seal(Run, 1, "run.started", "mallory", records[0].At, "{}", AuditChain.GenesisHash);

        var exception = await Assert.ThrowsAsync<AuditStoreException>(
            () => store.AppendAsync([records[1], fork], CancellationToken.None));

        Assert.Equal(Run, exception.RunId);
        Assert.Equal(1, exception.Sequence);
        Assert.Contains($"has hash {fork.Hash}", exception.Message, StringComparison.Ordinal);
        Assert.Equal(records.Take(1), await store.ReadAsync(Run, CancellationToken.None));
    }

    [Fact]
    public async Task Same_hash_with_other_contents_throws()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var store = new SqliteAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 1);
        await store.AppendAsync(records, CancellationToken.None);

        var exception = await Assert.ThrowsAsync<AuditStoreException>(
            () => store.AppendAsync([records[0] with { PayloadJson = "{}" }], CancellationToken.None));

        Assert.Contains("same hash but different contents", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_is_refused_by_trigger()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        await new SqliteAuditStore(database.DataSource).AppendAsync(AuditChains.Build(Run, 1), CancellationToken.None);

        var exception = await Assert.ThrowsAsync<SqliteException>(
            () => database.ExecuteAsync("UPDATE audit_records SET payload = '{}' WHERE run_id = @Run", new { Run }));

        Assert.Contains("append-only: UPDATE is refused", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_is_refused_by_trigger()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        await new SqliteAuditStore(database.DataSource).AppendAsync(AuditChains.Build(Run, 2), CancellationToken.None);

        var exception = await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteAsync("DELETE FROM audit_records"));

        Assert.Contains("append-only: DELETE is refused", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM audit_records"));
    }

    [Fact]
    public async Task Insert_or_replace_cannot_rewrite_a_record()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var record = AuditChains.Build(Run, 1)[0];
        await new SqliteAuditStore(database.DataSource).AppendAsync([record], CancellationToken.None);

        var exception = await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteAsync(
            "INSERT OR REPLACE INTO audit_records (run_id, seq, kind, actor, at, payload, prev_hash, hash) "
            + "SELECT run_id, seq, kind, actor, at, '{\"forged\":true}', prev_hash, hash FROM audit_records"));

        Assert.Contains("append-only", exception.Message, StringComparison.Ordinal);
        Assert.Equal([record], await new SqliteAuditStore(database.DataSource).ReadAsync(Run, CancellationToken.None));
    }
}
