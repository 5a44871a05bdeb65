using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Versions;
using OrleansMlops.Storage.Governance;
using OrleansMlops.Testing;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>The rule set version store on one database; a subclass per database runs these tests against it.</summary>
public abstract class RuleSetVersionStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(1));

    private protected RuleSetVersionStoreTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    [Fact]
    public async Task Appends_and_reads_back_equal_versions_in_order_even_before_the_schema_is_applied()
    {
        await using var database = await Databases.CreateAsync();
        var store = Store(database);
        var records = new[] { Record("b", 1), Record("a", 2, "h2"), Record("a", 1) };

        foreach (var record in records)
        {
            await store.AppendAsync(record, CancellationToken.None);
        }

        Assert.Equal([records[2], records[1], records[0]], await store.LoadAllAsync(CancellationToken.None));
        await database.EnsureSchemaAsync();
    }

    [Fact]
    public async Task Stores_used_while_the_schema_is_applied_create_the_table_once()
    {
        await using var database = await Databases.CreateAsync();

        // Silos starting together: each governance catalog loads while the schemas are being applied.
        await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Store(database).LoadAllAsync(CancellationToken.None))
                .Append(database.EnsureSchemaAsync()));

        await Store(database).AppendAsync(Record("a", 1), CancellationToken.None);
        Assert.Equal([Record("a", 1)], await Store(database).LoadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Replaying_a_version_is_a_no_op_and_a_different_one_conflicts()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = Store(database);
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
    [InlineData("INSERT INTO rule_set_versions VALUES ('a', 1, 'h', 'x', 'mallory', '2026-01-01T00:00:00.0000000+00:00', 'api') "
        + "ON CONFLICT (rule_set_id, version) DO UPDATE SET content = excluded.content")]
    public async Task Table_is_append_only(string sql)
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        await Store(database).AppendAsync(Record("a", 1), CancellationToken.None);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal([Record("a", 1)], await Store(database).LoadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Same_content_may_come_back_as_a_new_version()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = Store(database);

        await store.AppendAsync(Record("a", 1, "h1"), CancellationToken.None);
        await store.AppendAsync(Record("a", 2, "h2"), CancellationToken.None);
        await store.AppendAsync(Record("a", 3, "h1"), CancellationToken.None);

        Assert.Equal(3, await database.ScalarAsync<long>("SELECT count(*) FROM rule_set_versions WHERE content_hash IN ('h1', 'h2')"));
    }

    [Fact]
    public async Task Catalog_over_the_store_keeps_version_numbers_across_restarts()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        using var directory = new TestDirectory();
        var folder = directory.Path;
        var file = directory.File("approvals.json");
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
        await using var database = await Databases.CreateAsync();
        var services = new ServiceCollection().AddMlopsStorage(database.StorageOptions, database.DataSource);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        _ = storeFirst
            ? services.AddMlopsRuleSetVersionStore().AddMlopsGovernance(configuration)
            : services.AddMlopsGovernance(configuration).AddMlopsRuleSetVersionStore();
        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IRuleSetVersionStore));
        var store = Assert.IsType<SqlRuleSetVersionStore>(provider.GetRequiredService<IRuleSetVersionStore>());
        await store.AppendAsync(Record("a", 1), CancellationToken.None);
        Assert.Equal([Record("a", 1)], await store.LoadAllAsync(CancellationToken.None));
    }

    private protected static SqlRuleSetVersionStore Store(ITestDatabase database) => new(database.DataSource, database.Dialect);

    private static async Task<ActiveRuleSet> LoadAsync(ITestDatabase database, string folder)
    {
        using var catalog = new RuleSetCatalog(folder, new RuleSetLoader(), Store(database), TimeProvider.System, NullLogger<RuleSetCatalog>.Instance);
        return Assert.Single((await catalog.GetSnapshotAsync()).RuleSets);
    }

    private protected static RuleSetVersionRecord Record(string id, int version, string hash = "h1") =>
        new(id, version, hash, $"{{ \"id\": \"{id}\" }}", "file:" + id + ".json", At, RuleSetVersionSource.File);

    private static string RuleSet(string expression) => $$"""
        { "id": "approvals", "title": "Approvals", "owner": "tests", "appliesTo": ["approve"],
          "workflows": [ { "WorkflowName": "w", "Rules": [ { "RuleName": "FE-1 role", "Expression": "{{expression.Replace("\"", "\\\"", StringComparison.Ordinal)}}", "ErrorMessage": "FE-1: fix it." } ] } ] }
        """;
}
