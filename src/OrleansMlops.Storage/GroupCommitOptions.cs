namespace OrleansMlops.Storage;

/// <summary>
/// How concurrent writes share transactions (<c>Storage:GroupCommit</c>): grain state, reminders, audit records and
/// read-model rows written at the same time commit in one transaction, so one fsync acknowledges many transitions; each
/// still waits for its own commit. Group commit is the engine's only way to write.
/// </summary>
public sealed class GroupCommitOptions
{
    /// <summary>The most writes one transaction takes; more wait for the next one.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Writes that may wait for a transaction before writers are held back.</summary>
    public int MaxQueuedWrites { get; set; } = 10_000;

    /// <summary>Problems with these settings, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var prefix = $"{StorageOptions.Section}:{nameof(StorageOptions.GroupCommit)}";
        var problems = new List<string>();
        if (MaxBatchSize is < 1 or > 10_000)
        {
            problems.Add($"{prefix}:{nameof(MaxBatchSize)} is {MaxBatchSize}, but must be between 1 and 10000.");
        }

        if (MaxQueuedWrites < MaxBatchSize)
        {
            problems.Add($"{prefix}:{nameof(MaxQueuedWrites)} is {MaxQueuedWrites}, but must be at least {nameof(MaxBatchSize)} ({MaxBatchSize}).");
        }

        return problems;
    }
}
