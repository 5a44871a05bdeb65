using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteRuleSetVersionStoreTests() : RuleSetVersionStoreTests(TestDatabases.Sqlite)
{
    // INSERT OR REPLACE deletes the old row without firing the DELETE trigger: the overwrite trigger must catch it.
    [Fact]
    public Task Insert_or_replace_is_refused() => Table_is_append_only(
        "INSERT OR REPLACE INTO rule_set_versions VALUES ('a', 1, 'h', 'x', 'mallory', '2026-01-01T00:00:00.0000000+00:00', 'api')");
}
