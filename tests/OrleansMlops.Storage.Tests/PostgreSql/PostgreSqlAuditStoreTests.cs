using Dapper;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlAuditStoreTests() : AuditStoreTests(TestDatabases.PostgreSql)
{
    [Fact]
    public async Task Truncate_is_refused_by_trigger()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var record = AuditChains.Build(Run, 1)[0];
        await database.WriteAsync(SqlAuditStore.Append([record]));

        // TRUNCATE removes rows without firing row triggers.
        await AssertRewriteRefusedAsync(database, "TRUNCATE audit_records", record);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_record_another_writer_commits_while_the_append_waits_is_compared_with_it(bool identical)
    {
        await using var database = await TempPostgreSqlDatabase.CreateWithSchemaAsync();
        var honest = AuditChains.Build(Run, 1)[0];
        var theirs = identical ? honest : AuditChain.Seal(Run, 1, "run.started", "mallory", honest.At, "{}", AuditChain.GenesisHash);
        await using var other = await database.DataSource.OpenConnectionAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await other.ExecuteAsync(
            "INSERT INTO audit_records (run_id, seq, kind, actor, at, payload, prev_hash, hash) "
            + "VALUES (@RunId, @Sequence, @Kind, @Actor, @At, @PayloadJson, @PreviousHash, @Hash)",
            AuditRow.From(theirs),
            otherTransaction);

        // The append finds nothing committed yet, so its insert waits for the other writer, then does nothing.
        var append = database.WriteAsync(SqlAuditStore.Append([honest]));
        await database.WaitForBlockedSessionAsync();
        await otherTransaction.CommitAsync();

        if (identical)
        {
            await append;
        }
        else
        {
            await Assert.ThrowsAsync<AuditStoreException>(() => append);
        }

        Assert.Equal([theirs], await new SqlAuditStore(database.DataSource).ReadAsync(Run, CancellationToken.None));
    }
}
