namespace OrleansMlops.Storage;

/// <summary>The SQLite file and the durability settings applied to every connection.</summary>
public sealed class SqliteStorageOptions
{
    public const string SynchronousFull = "FULL";
    public const string SynchronousNormal = "NORMAL";

    /// <summary>Path of the database file; relative paths resolve against the working directory.</summary>
    public string DatabasePath { get; set; } = "data/orleans-mlops.db";

    /// <summary>
    /// <c>PRAGMA synchronous</c>: FULL (default) survives power loss after every commit;
    /// NORMAL in WAL mode may lose the last commits on power loss but never corrupts, and writes faster.
    /// </summary>
    public string Synchronous { get; set; } = SynchronousFull;

    /// <summary><c>PRAGMA busy_timeout</c>: how long a connection waits for a lock before failing.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Problems with these settings, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var prefix = $"{StorageOptions.Section}:{nameof(StorageOptions.Sqlite)}";
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            problems.Add($"{prefix}:{nameof(DatabasePath)} is required (a file path such as 'data/orleans-mlops.db').");
        }

        if (!IsKnownSynchronous(Synchronous))
        {
            problems.Add(
                $"{prefix}:{nameof(Synchronous)} is '{Synchronous}', but only '{SynchronousFull}' or '{SynchronousNormal}' are allowed.");
        }

        if (BusyTimeoutMilliseconds < 0)
        {
            problems.Add($"{prefix}:{nameof(BusyTimeoutMilliseconds)} is {BusyTimeoutMilliseconds}, but must be 0 or more.");
        }

        return problems;
    }

    private static bool IsKnownSynchronous(string? value) =>
        string.Equals(value, SynchronousFull, StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, SynchronousNormal, StringComparison.OrdinalIgnoreCase);
}
