using System.Data.Common;

namespace OrleansMlops.Storage.Writes;

/// <summary>
/// One open connection's commands, one per <see cref="SqlStatement"/>, kept for as long as the connection: the database
/// compiles a statement the first time it runs and reuses the compiled form after that, where a new command per call
/// would parse and plan the SQL (and its triggers) every time.
/// </summary>
public sealed class PreparedStatements(DbConnection connection) : IDisposable
{
    private readonly Dictionary<SqlStatement, DbCommand> _commands = new(ReferenceEqualityComparer.Instance);

    public DbConnection Connection { get; } = connection ?? throw new ArgumentNullException(nameof(connection));

    /// <summary>The statement's command on this connection, in <paramref name="transaction"/>, with its parameters unset.</summary>
    public DbCommand For(SqlStatement statement, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (!_commands.TryGetValue(statement, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var name in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                // Named as written in the SQL, which both SQLite and Npgsql match.
                parameter.ParameterName = $"@{name}";
                command.Parameters.Add(parameter);
            }

            _commands.Add(statement, command);
        }

        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
