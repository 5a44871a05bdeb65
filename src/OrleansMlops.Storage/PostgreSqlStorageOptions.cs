using Npgsql;

namespace OrleansMlops.Storage;

/// <summary>The PostgreSQL database a cluster shares, and how many connections each process may hold.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>An Npgsql connection string (Host, Port, Database, Username, Password…). Pool size and automatic preparation are set by <see cref="MaxPoolSize"/> and <see cref="MaxAutoPrepare"/>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Connections one process may open. Npgsql's default of 100 per process exhausts PostgreSQL's max_connections once
    /// a few silos run a thousand busy grains; 20 keeps every silo within a share of it.
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// Statements each connection prepares on the server once they have run a few times (Npgsql's Max Auto Prepare),
    /// so the writes every transition makes are planned once per connection instead of at every execution; 0 turns it off.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;

    /// <summary>Problems with these settings, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var prefix = $"{StorageOptions.Section}:{nameof(StorageOptions.PostgreSql)}";
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{prefix}:{nameof(ConnectionString)} is required (e.g. 'Host=db;Database=mlops;Username=mlops;Password=…').");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(ConnectionString);
            }
            catch (ArgumentException e)
            {
                problems.Add($"{prefix}:{nameof(ConnectionString)} is not a valid connection string: {e.Message}");
            }
        }

        if (MaxPoolSize is < 1 or > 1000)
        {
            problems.Add($"{prefix}:{nameof(MaxPoolSize)} is {MaxPoolSize}, but must be 1 to 1000.");
        }

        if (MaxAutoPrepare is < 0 or > 1000)
        {
            problems.Add($"{prefix}:{nameof(MaxAutoPrepare)} is {MaxAutoPrepare}, but must be 0 to 1000.");
        }

        return problems;
    }
}
