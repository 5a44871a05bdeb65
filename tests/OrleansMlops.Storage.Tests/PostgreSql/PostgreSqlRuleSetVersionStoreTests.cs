using Dapper;
using OrleansMlops.Governance.Versions;
using OrleansMlops.Storage.Governance;
using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlRuleSetVersionStoreTests() : RuleSetVersionStoreTests(TestDatabases.PostgreSql)
{
    // TRUNCATE removes rows without firing row triggers.
    [Fact]
    public Task Truncate_is_refused() => Table_is_append_only("TRUNCATE rule_set_versions");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_version_another_writer_commits_while_the_append_waits_is_compared_with_it(bool identical)
    {
        await using var database = await TempPostgreSqlDatabase.CreateWithSchemaAsync();
        var ours = Record("a", 1);
        var theirs = identical ? ours : Record("a", 1, "other-hash");
        // Used once first: creating the table on first use would wait for the other writer's lock before the check.
        var store = Store(database);
        await store.LoadAllAsync(CancellationToken.None);
        await using var other = await database.DataSource.OpenConnectionAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await other.ExecuteAsync(
            "INSERT INTO rule_set_versions (rule_set_id, version, content_hash, content, activated_by, activated_at, source) "
            + "VALUES (@RuleSetId, @Version, @ContentHash, @Content, @ActivatedBy, @ActivatedAt, @Source)",
            RuleSetVersionRow.From(theirs),
            otherTransaction);

        // The append finds nothing committed yet, so its insert waits for the other writer, then does nothing.
        var append = store.AppendAsync(ours, CancellationToken.None);
        await database.WaitForBlockedSessionAsync();
        await otherTransaction.CommitAsync();

        if (identical)
        {
            await append;
        }
        else
        {
            await Assert.ThrowsAsync<RuleSetVersionConflictException>(() => append);
        }

        Assert.Equal([theirs], await Store(database).LoadAllAsync(CancellationToken.None));
    }
}
