using System.Runtime;
using System.Runtime.InteropServices;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>What the figures were measured on: they mean little without it.</summary>
internal sealed record MachineInfo(int Cores, string OperatingSystem, string Runtime, string Cpu, string GarbageCollector)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        $"{OsName()}, kernel {Kernel()}, {RuntimeInformation.OSArchitecture}",
        RuntimeInformation.FrameworkDescription,
        CpuModel(),
        $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}");

    private static string CpuModel() => FirstValue("/proc/cpuinfo", "model name") ?? "unknown (no /proc/cpuinfo)";

    private static string OsName() => FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;

    private static string Kernel() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;

    private static string? FirstValue(string path, string key, char separator = ':')
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }
}
