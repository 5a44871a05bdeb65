using Microsoft.Data.Sqlite;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Tests.Writes;

public sealed class SqlStatementTests
{
    private static readonly SqlStatement InsertPair = new("INSERT INTO pairs (a, b) VALUES (@A, @B)", "A", "B");

    [Fact]
    public void A_parameter_missing_from_the_text_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqlStatement("INSERT INTO pairs (a) VALUES (@A)", "A", "B"));

        Assert.Contains("'B'", error.Message, StringComparison.Ordinal);
        Assert.Contains("@B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_runs_again_on_its_prepared_command_with_new_values()
    {
        await using var connection = await OpenAsync();
        using var statements = new PreparedStatements(connection);

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var session = new SqlSession(statements, transaction);
            Assert.Equal(1, await session.ExecuteAsync(InsertPair, CancellationToken.None, 1L, "one"));
            Assert.Equal(1, await session.ExecuteAsync(InsertPair, CancellationToken.None, 2L, null));
            await transaction.CommitAsync();
        }

        await using var next = await connection.BeginTransactionAsync();
        var first = statements.For(InsertPair, next);
        Assert.Same(first, statements.For(InsertPair, next));
        Assert.Equal(1, await new SqlSession(statements, next).ExecuteAsync(InsertPair, CancellationToken.None, 3L, "three"));
        await next.CommitAsync();

        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT group_concat(a || '=' || coalesce(b, 'null'), ',') FROM pairs";
        Assert.Equal("1=one,2=null,3=three", await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Too_few_values_are_refused_naming_the_parameters_and_nothing_runs()
    {
        await using var connection = await OpenAsync();
        using var statements = new PreparedStatements(connection);
        await using var transaction = await connection.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => new SqlSession(statements, transaction).ExecuteAsync(InsertPair, CancellationToken.None, 1L));

        Assert.Contains("2 values (A, B)", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 were given", error.Message, StringComparison.Ordinal);
    }

    private static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE pairs (a INTEGER NOT NULL PRIMARY KEY, b TEXT)";
        await create.ExecuteNonQueryAsync();
        return connection;
    }
}
