using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Storage.Runs;

/// <summary>
/// A run's grain state with the run index row its latest change calls for (in memory only, never persisted). Grain
/// storage that can write the index in the state's own transaction takes the row and clears it; otherwise the grain
/// upserts it after the write.
/// </summary>
public interface IIndexedRunState
{
    RunSummary? PendingIndexRow { get; set; }
}
