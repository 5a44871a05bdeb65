using System.Diagnostics;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// CPU time the process has used (user and kernel, all threads). Per transition it is the engine's cost in CPU, which
/// other work on the machine slows down less than it slows throughput.
/// </summary>
internal static class ProcessCpu
{
    public static TimeSpan Used()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
