using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteAuditStoreTests() : AuditStoreTests(TestDatabases.Sqlite)
{
    [Fact]
    public async Task Insert_or_replace_cannot_rewrite_a_record()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var record = AuditChains.Build(Run, 1)[0];
        await database.WriteAsync(SqlAuditStore.Append([record]));

        // INSERT OR REPLACE deletes the old row without firing the DELETE trigger: the overwrite trigger must catch it.
        await AssertRewriteRefusedAsync(
            database,
            "INSERT OR REPLACE INTO audit_records (run_id, seq, kind, actor, at, payload, prev_hash, hash) "
            + "SELECT run_id, seq, kind, actor, at, '{\"forged\":true}', prev_hash, hash FROM audit_records",
            record);
    }
}
