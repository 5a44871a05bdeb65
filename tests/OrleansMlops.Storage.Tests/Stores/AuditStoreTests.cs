using System.Data.Common;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>The audit store on one database; a subclass per database runs these tests against it.</summary>
public abstract class AuditStoreTests
{
    protected const string Run = "run-audit";

    private protected AuditStoreTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    [Fact]
    public async Task Appends_and_reads_back_equal_records_in_order()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 4);

        await database.WriteAsync(SqlAuditStore.Append(records.Skip(2).ToList()));
        await database.WriteAsync(SqlAuditStore.Append(records.Take(2).ToList()));
        await database.WriteAsync(SqlAuditStore.Append(AuditChains.Build("other-run", 2)));

        var read = await store.ReadAsync(Run, CancellationToken.None);
        Assert.Equal(records, read);
        Assert.True(AuditChain.Verify(Run, read, 4, records[^1].Hash).Valid);
    }

    [Fact]
    public async Task Stores_time_as_utc_round_trip_text()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var records = AuditChains.Build(Run, 1);

        await database.WriteAsync(SqlAuditStore.Append(records));

        var at = await database.ScalarAsync<string>("SELECT at FROM audit_records WHERE run_id = @Run", new { Run });
        Assert.Equal(records[0].At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture) + "+00:00", at);
    }

    [Fact]
    public async Task Reading_an_unknown_run_gives_no_records()
    {
        await using var database = await Databases.CreateWithSchemaAsync();

        Assert.Empty(await new SqlAuditStore(database.DataSource).ReadAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task Replayed_append_is_a_no_op()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 3);
        await database.WriteAsync(SqlAuditStore.Append(records.Take(2).ToList()));

        // An outbox replay after a crash re-sends what was already stored, plus what was not.
        await database.WriteAsync(SqlAuditStore.Append(records));
        await database.WriteAsync(SqlAuditStore.Append(records));

        Assert.Equal(records, await store.ReadAsync(Run, CancellationToken.None));
    }

    [Fact]
    public async Task Conflicting_hash_throws_and_stores_nothing_of_the_batch()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 2);
        await database.WriteAsync(SqlAuditStore.Append(records.Take(1).ToList()));
        var fork = AuditChain.Seal(Run, 1, "run.started", "mallory", records[0].At, "{}", AuditChain.GenesisHash);

        var exception = await Assert.ThrowsAsync<AuditStoreException>(
            () => database.WriteAsync(SqlAuditStore.Append([records[1], fork])));

        Assert.Equal(Run, exception.RunId);
        Assert.Equal(1, exception.Sequence);
        Assert.Contains($"has hash {fork.Hash}", exception.Message, StringComparison.Ordinal);
        Assert.Equal(records.Take(1), await store.ReadAsync(Run, CancellationToken.None));
    }

    [Fact]
    public async Task Same_hash_with_other_contents_throws()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlAuditStore(database.DataSource);
        var records = AuditChains.Build(Run, 1);
        await database.WriteAsync(SqlAuditStore.Append(records));

        var exception = await Assert.ThrowsAsync<AuditStoreException>(
            () => database.WriteAsync(SqlAuditStore.Append([records[0] with { PayloadJson = "{}" }])));

        Assert.Contains("same hash but different contents", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writers_racing_on_one_sequence_store_one_record_and_the_fork_is_refused()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var honest = AuditChains.Build(Run, 1);
        var fork = AuditChain.Seal(Run, 1, "run.started", "mallory", honest[0].At, "{}", AuditChain.GenesisHash);

        // Each writer has its own store, as two silos would; whichever commits first wins, the other is refused.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await database.WriteAsync(SqlAuditStore.Append(i % 2 == 0 ? honest : [fork]));
                return (Record: i % 2 == 0 ? honest[0] : fork, Refused: false);
            }
            catch (AuditStoreException)
            {
                return (Record: i % 2 == 0 ? honest[0] : fork, Refused: true);
            }
        }));

        var stored = Assert.Single(await new SqlAuditStore(database.DataSource).ReadAsync(Run, CancellationToken.None));
        Assert.All(attempts, a => Assert.Equal(a.Record != stored, a.Refused));
    }

    [Fact]
    public async Task Update_is_refused_by_trigger()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        await database.WriteAsync(SqlAuditStore.Append(AuditChains.Build(Run, 1)));

        var exception = await Assert.ThrowsAnyAsync<DbException>(
            () => database.ExecuteAsync("UPDATE audit_records SET payload = '{}' WHERE run_id = @Run", new { Run }));

        Assert.Contains("append-only: UPDATE is refused", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_is_refused_by_trigger()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        await database.WriteAsync(SqlAuditStore.Append(AuditChains.Build(Run, 2)));

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteAsync("DELETE FROM audit_records"));

        Assert.Contains("append-only: DELETE is refused", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM audit_records"));
    }

    [Fact]
    public async Task An_upsert_cannot_rewrite_a_record()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var record = AuditChains.Build(Run, 1)[0];
        await database.WriteAsync(SqlAuditStore.Append([record]));

        // "WHERE true" lets SQLite tell the upsert clause from a join constraint after INSERT … SELECT.
        await AssertRewriteRefusedAsync(
            database,
            "INSERT INTO audit_records (run_id, seq, kind, actor, at, payload, prev_hash, hash) "
            + "SELECT run_id, seq, kind, actor, at, '{\"forged\":true}', prev_hash, hash FROM audit_records WHERE true "
            + "ON CONFLICT (run_id, seq) DO UPDATE SET payload = excluded.payload",
            record);
    }

    /// <summary>Runs <paramref name="sql"/>, which must fail as append-only and leave <paramref name="record"/> as the run's only record.</summary>
    private protected static async Task AssertRewriteRefusedAsync(ITestDatabase database, string sql, AuditRecord record)
    {
        var exception = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteAsync(sql));

        Assert.Contains("append-only", exception.Message, StringComparison.Ordinal);
        Assert.Equal([record], await new SqlAuditStore(database.DataSource).ReadAsync(Run, CancellationToken.None));
    }
}
