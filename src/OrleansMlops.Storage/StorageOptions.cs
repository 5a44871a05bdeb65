namespace OrleansMlops.Storage;

/// <summary>Where the platform keeps its own data and Orleans' grain state and reminders (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>One process, embedded, zero set-up (the default).</summary>
    public const string SqliteProvider = "Sqlite";

    /// <summary>A cluster of silos sharing one PostgreSQL database.</summary>
    public const string PostgreSqlProvider = "PostgreSql";

    /// <summary>Which database backs the storage. Compared case-insensitively.</summary>
    public string Provider { get; set; } = SqliteProvider;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public PostgreSqlStorageOptions PostgreSql { get; set; } = new();

    public GroupCommitOptions GroupCommit { get; set; } = new();

    /// <summary>Whether <see cref="Provider"/> names SQLite.</summary>
    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <see cref="Provider"/> names PostgreSQL.</summary>
    public bool IsPostgreSql => string.Equals(Provider, PostgreSqlProvider, StringComparison.OrdinalIgnoreCase);
}
