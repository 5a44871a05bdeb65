namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The process's write counters from /proc/self/io: bytes handed to write(2) (<c>wchar</c>, so SQLite's WAL appends
/// and checkpoints) and the number of write calls (<c>syscw</c>). Neither counts fsync, the real cost of a FULL commit,
/// but both show how much each transition writes. Zero where /proc is missing.
/// </summary>
internal sealed record DiskWrites(long Bytes, long Calls)
{
    public static DiskWrites Capture()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return new DiskWrites(0, 0);
        }

        var counters = File.ReadLines(path)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => long.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture));
        return new DiskWrites(counters.GetValueOrDefault("wchar"), counters.GetValueOrDefault("syscw"));
    }

    public static DiskWrites operator -(DiskWrites after, DiskWrites before) => new(after.Bytes - before.Bytes, after.Calls - before.Calls);
}
