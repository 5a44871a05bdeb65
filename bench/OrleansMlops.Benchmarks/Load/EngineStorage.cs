namespace OrleansMlops.Benchmarks.Load;

/// <summary>Where an engine configuration of the harness keeps Orleans grain state and reminders.</summary>
internal enum EngineStorage
{
    /// <summary>The production wiring: grain state, reminders and our tables in SQLite (WAL, synchronous=FULL).</summary>
    SqliteFull,

    /// <summary>Grain state, the rows of transitions and reminders in memory: what the engine costs without storage.</summary>
    Memory,
}
