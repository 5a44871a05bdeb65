using Dapper;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Testing;

namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>
/// The schema applies to an empty PostgreSQL database, again at every start, and from silos starting together, leaving
/// exactly the queries Orleans looks up.
/// </summary>
public sealed class PostgreSqlDatabaseTests
{
    // Every key Orleans 10.4.2's ADO.NET clustering provider looks up: grain state and reminders are the engine's own.
    private static readonly string[] OrleansQueryKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
    ];

    [Fact]
    public async Task The_schema_applies_to_an_empty_database_and_again_from_silos_starting_together()
    {
        var server = await PostgresServer.Shared;
        var options = new PostgreSqlStorageOptions { ConnectionString = await server.CreateDatabaseAsync(), MaxPoolSize = 5 };
        var sources = Enumerable.Range(0, 3).Select(_ => PostgreSqlDatabase.CreateDataSource(options)).ToList();

        await PostgreSqlDatabase.EnsureSchemaAsync(sources[0], CancellationToken.None);
        await Task.WhenAll(sources.Select(source => PostgreSqlDatabase.EnsureSchemaAsync(source, CancellationToken.None)));

        await using var connection = await sources[0].OpenConnectionAsync();
        var keys = await connection.QueryAsync<string>("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"");
        Assert.Equal(OrleansQueryKeys.Order(StringComparer.Ordinal), keys);
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_changed_query_text_is_replaced_at_the_next_start()
    {
        await using var database = await TempPostgreSqlDatabase.CreateWithSchemaAsync();
        var original = await database.QueryTextAsync("GatewaysQueryKey");
        await database.ExecuteAsync("UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'GatewaysQueryKey'");

        await database.EnsureSchemaAsync();

        Assert.Equal(original, await database.QueryTextAsync("GatewaysQueryKey"));
    }

    [Fact]
    public void Invalid_options_name_the_setting()
    {
        var problems = new PostgreSqlStorageOptions { ConnectionString = "", MaxPoolSize = 0, MaxAutoPrepare = -1 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Storage:PostgreSql:ConnectionString is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Storage:PostgreSql:MaxPoolSize is 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Storage:PostgreSql:MaxAutoPrepare is -1", StringComparison.Ordinal));
    }
}
