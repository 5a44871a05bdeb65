namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// One configuration's result with what surrounds it: the storage its silo resolved, the database, process memory and
/// thread pool when it finished (before the silo stopped), what the silo logged, the machine's load before and after,
/// and how long the configuration took.
/// </summary>
internal sealed record Measured<T>(
    string Label,
    string Storage,
    T Result,
    DatabaseFiles Database,
    StorageFootprint? Footprint,
    ProcessMemory MemoryAfter,
    int ThreadPoolThreads,
    WarningLog Log,
    string LoadBefore,
    string LoadAfter,
    TimeSpan Elapsed);
