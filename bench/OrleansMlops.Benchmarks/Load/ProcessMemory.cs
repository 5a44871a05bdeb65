using System.Diagnostics;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The process's memory at one moment: the managed heap after a full, compacting collection (what live objects hold),
/// the working set (resident pages) and private bytes (<see cref="Process.PrivateMemorySize64"/>).
/// </summary>
internal sealed record ProcessMemory(long GcHeapBytes, long WorkingSetBytes, long PrivateBytes)
{
    public static ProcessMemory Capture()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ProcessMemory(heap, process.WorkingSet64, process.PrivateMemorySize64);
    }

    public string Describe() => $"GC heap {Mb(GcHeapBytes)}, working set {Mb(WorkingSetBytes)}, private {Mb(PrivateBytes)}";

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";
}
