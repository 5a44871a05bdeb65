using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Versions;
using OrleansMlops.Storage.Governance;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteRuleSetVersionStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Appends_and_reads_back_equal_versions_in_order_even_before_the_schema_is_applied()
    {
        await using var database = TempDatabase.Create();
        var store = new SqliteRuleSetVersionStore(database.DataSource);
        var records = new[] { Record("b", 1), Record("a", 2, "h2"), Record("a", 1) };

        foreach (var record in records)
        {
            await store.AppendAsync(record, CancellationToken.None);
        }

        Assert.Equal([records[2], records[1], records[0]], await store.LoadAllAsync(CancellationToken.None));
        await SqliteDatabase_schema_still_applies(database);
    }

    [Fact]
    public async Task Replaying_a_version_is_a_no_op_and_a_different_one_conflicts()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var store = new SqliteRuleSetVersionStore(database.DataSource);
        await store.AppendAsync(Record("a", 1), CancellationToken.None);

        await store.AppendAsync(Record("a", 1), CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<RuleSetVersionConflictException>(
            () => store.AppendAsync(Record("a", 1, "other-hash"), CancellationToken.None));

        Assert.Equal(("a", 1), (conflict.RuleSetId, conflict.Version));
        Assert.Equal([Record("a", 1)], await store.LoadAllAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("UPDATE rule_set_versions SET content = 'x'")]
    [InlineData("DELETE FROM rule_set_versions")]
    [InlineData("INSERT OR REPLACE INTO rule_set_versions VALUES ('a', 1, 'h', 'x', 'mallory', '2026-01-01T00:00:00.0000000+00:00', 'api')")]
    public async Task Table_is_append_only(string sql)
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        await new SqliteRuleSetVersionStore(database.DataSource).AppendAsync(Record("a", 1), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_content_may_come_back_as_a_new_version()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var store = new SqliteRuleSetVersionStore(database.DataSource);

        await store.AppendAsync(Record("a", 1, "h1"), CancellationToken.None);
        await store.AppendAsync(Record("a", 2, "h2"), CancellationToken.None);
        await store.AppendAsync(Record("a", 3, "h1"), CancellationToken.None);

        Assert.Equal(3, await database.ScalarAsync<long>("SELECT count(*) FROM rule_set_versions WHERE content_hash IN ('h1', 'h2')"));
    }

    [Fact]
    public async Task Catalog_over_the_store_keeps_version_numbers_across_restarts()
    {
        await using var database = await TempDatabase.CreateWithSchemaAsync();
        var folder = Path.Combine(database.Directory, "policies");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "approvals.json");
        await File.WriteAllTextAsync(file, RuleSet("actor.HasRole(\"approver\")"));
        await LoadAsync(database, folder);
        await File.WriteAllTextAsync(file, RuleSet("actor.HasRole(\"model-risk-head\")"));
        await LoadAsync(database, folder);

        var restarted = await LoadAsync(database, folder);

        Assert.Equal((2, "file:approvals.json", "file"), (restarted.Ref.Version, restarted.ActivatedBy, restarted.Source));
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM rule_set_versions WHERE rule_set_id = 'approvals'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Registration_replaces_the_in_memory_default_in_either_order(bool storeFirst)
    {
        await using var database = TempDatabase.Create();
        var services = new ServiceCollection().AddSingleton(database.DataSource);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        _ = storeFirst
            ? services.AddMlopsRuleSetVersionStore().AddMlopsGovernance(configuration)
            : services.AddMlopsGovernance(configuration).AddMlopsRuleSetVersionStore();
        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IRuleSetVersionStore));
        Assert.IsType<SqliteRuleSetVersionStore>(provider.GetRequiredService<IRuleSetVersionStore>());
    }

    private static async Task SqliteDatabase_schema_still_applies(TempDatabase database) =>
        await Sqlite.SqliteDatabase.EnsureSchemaAsync(database.DataSource, CancellationToken.None);

    private static async Task<ActiveRuleSet> LoadAsync(TempDatabase database, string folder)
    {
        using var catalog = new RuleSetCatalog(folder, new RuleSetLoader(), new SqliteRuleSetVersionStore(database.DataSource),
            TimeProvider.System, NullLogger<RuleSetCatalog>.Instance);
        return Assert.Single((await catalog.GetSnapshotAsync()).RuleSets);
    }

    private static RuleSetVersionRecord Record(string id, int version, string hash = "h1") =>
        new(id, version, hash, $"{{ \"id\": \"{id}\" }}", "file:" + id + ".json", At, RuleSetVersionSource.File);

    private static string RuleSet(string expression) => $$"""
        { "id": "approvals", "title": "Approvals", "owner": "tests", "appliesTo": ["approve"],
          "workflows": [ { "WorkflowName": "w", "Rules": [ { "RuleName": "FE-1 role", "Expression": "{{expression.Replace("\"", "\\\"", StringComparison.Ordinal)}}", "ErrorMessage": "FE-1: fix it." } ] } ] }
        """;
}
