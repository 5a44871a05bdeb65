namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The machine's one-minute load average (/proc/loadavg): the table shows it before and after each configuration, so
/// figures taken while something else ran on the machine (a build, a test suite) can be recognised as such.
/// </summary>
internal static class MachineLoad
{
    public static string OneMinute()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "n/a";
    }
}
