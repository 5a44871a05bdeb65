namespace OrleansMlops.Benchmarks.Load;

/// <summary>Where an engine configuration of the harness keeps Orleans grain state and reminders.</summary>
internal enum EngineStorage
{
    /// <summary>The production wiring: grain state, reminders and our tables in SQLite (WAL, synchronous=FULL).</summary>
    SqliteFull,

    /// <summary>The same, with group commit off (<c>Storage:GroupCommit:Enabled=false</c>): Orleans' ADO.NET providers, one transaction per write.</summary>
    SqliteFullPerWrite,

    /// <summary>Orleans' memory grain storage and in-memory reminders; our read-model tables stay in SQLite.</summary>
    Memory,
}
