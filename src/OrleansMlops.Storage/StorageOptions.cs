namespace OrleansMlops.Storage;

/// <summary>Where the platform keeps its own data and Orleans' grain state and reminders (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The only provider implemented so far; PostgreSQL comes later.</summary>
    public const string SqliteProvider = "Sqlite";

    /// <summary>Which database backs the storage. Compared case-insensitively.</summary>
    public string Provider { get; set; } = SqliteProvider;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    /// <summary>Whether <see cref="Provider"/> names SQLite.</summary>
    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);
}
