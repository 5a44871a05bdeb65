namespace OrleansMlops.Benchmarks.Load;

/// <summary>The figures of workload B.</summary>
internal sealed record WaitingResult(
    int Runs,
    int TransitionsWhileWaiting,
    int TransitionsPerRun,
    TimeSpan StartElapsed,
    LatencyDistribution StartLatency,
    int ActivationsWhileWaiting,
    int ActivationsAfterCollection,
    ProcessMemory BeforeStart,
    ProcessMemory WhileActive,
    ProcessMemory AfterCollection,
    DatabaseFiles Database,
    long Reminders,
    TimeSpan SignOffElapsed,
    LatencyDistribution SignOffLatency,
    long RemindersAfterCompletion)
{
    public double StartsPerSecond => Runs / StartElapsed.TotalSeconds;

    public double SignOffsPerSecond => Runs / SignOffElapsed.TotalSeconds;

    /// <summary>Managed heap per waiting run, active and after deactivation, over the heap before the runs started.</summary>
    public double HeapBytesPerActiveRun => (WhileActive.GcHeapBytes - BeforeStart.GcHeapBytes) / (double)Runs;

    public double HeapBytesPerIdleRun => (AfterCollection.GcHeapBytes - BeforeStart.GcHeapBytes) / (double)Runs;
}
