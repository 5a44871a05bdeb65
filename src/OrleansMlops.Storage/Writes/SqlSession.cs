using System.Data.Common;

namespace OrleansMlops.Storage.Writes;

/// <summary>
/// What <see cref="SqlWork"/> runs in: a connection, the transaction its writer owns, and the connection's
/// <see cref="PreparedStatements"/>. Hot writes go through <see cref="ExecuteAsync"/>; anything else may use
/// <see cref="Connection"/> and <see cref="Transaction"/> directly.
/// </summary>
public sealed class SqlSession(PreparedStatements statements, DbTransaction transaction)
{
    public DbConnection Connection => statements.Connection;

    public DbTransaction Transaction { get; } = transaction ?? throw new ArgumentNullException(nameof(transaction));

    /// <summary>Runs <paramref name="statement"/> with <paramref name="values"/> bound to its parameters in order; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken, params ReadOnlySpan<object?> values) =>
        Bind(statement, values).ExecuteNonQueryAsync(cancellationToken);

    private DbCommand Bind(SqlStatement statement, ReadOnlySpan<object?> values)
    {
        if (values.Length != statement.Parameters.Length)
        {
            throw new ArgumentException(
                $"The statement takes {statement.Parameters.Length} values ({string.Join(", ", statement.Parameters)}), but {values.Length} were given.",
                nameof(values));
        }

        var command = statements.For(statement, Transaction);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }
}
