using Dapper;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Testing;

namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>The schema applies to an empty PostgreSQL database, again at every start, and from silos starting together.</summary>
public sealed class PostgreSqlDatabaseTests
{
    [Fact]
    public async Task The_schema_applies_to_an_empty_database_and_again_from_silos_starting_together()
    {
        var server = await PostgresServer.Shared;
        var options = new PostgreSqlStorageOptions { ConnectionString = await server.CreateDatabaseAsync(), MaxPoolSize = 5 };
        var sources = Enumerable.Range(0, 3).Select(_ => PostgreSqlDatabase.CreateDataSource(options)).ToList();

        await PostgreSqlDatabase.EnsureSchemaAsync(sources[0], CancellationToken.None);
        await Task.WhenAll(sources.Select(source => PostgreSqlDatabase.EnsureSchemaAsync(source, CancellationToken.None)));

        await using var connection = await sources[0].OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }

    [Fact]
    public void Invalid_options_name_the_setting()
    {
        var problems = new PostgreSqlStorageOptions { ConnectionString = "", MaxPoolSize = 0 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Storage:PostgreSql:ConnectionString is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Storage:PostgreSql:MaxPoolSize is 0", StringComparison.Ordinal));
    }
}
