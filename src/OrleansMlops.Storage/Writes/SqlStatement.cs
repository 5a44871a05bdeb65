using System.Collections.Immutable;

namespace OrleansMlops.Storage.Writes;

/// <summary>
/// A statement a writer runs often, with its parameters in the order their values are given (<see cref="SqlSession.ExecuteAsync"/>).
/// Keep each as a static field: a session prepares it once per connection and finds it again by reference.
/// </summary>
public sealed class SqlStatement
{
    public SqlStatement(string sql, params string[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var parameter in parameters)
        {
            if (!sql.Contains($"@{parameter}", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The statement names parameter '{parameter}', but its text has no '@{parameter}': {sql}", nameof(parameters));
            }
        }

        Sql = sql;
        Parameters = [.. parameters];
    }

    public string Sql { get; }

    public ImmutableArray<string> Parameters { get; }

    public override string ToString() => Sql;
}
