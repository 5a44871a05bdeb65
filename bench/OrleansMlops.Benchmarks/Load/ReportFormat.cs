using System.Globalization;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>How the harness's tables print figures: invariant culture, units chosen by magnitude.</summary>
internal static class ReportFormat
{
    public const string None = "—";

    public static string P50P99(LatencyDistribution latency) => $"{Ms(latency.Percentile(50))} / {Ms(latency.Percentile(99))}";

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string Micros(double microseconds) => $"{microseconds.ToString("#,0", CultureInfo.InvariantCulture)} µs";

    public static string Rate(double perSecond) => perSecond.ToString(perSecond < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double part, double whole) => (part / whole).ToString("0%", CultureInfo.InvariantCulture);

    public static string Ratio(double part, double whole) => (part / whole).ToString("0.0×", CultureInfo.InvariantCulture);

    public static string Files(DatabaseFiles files) => $"{ProcessMemory.Mb(files.MainBytes)} + {ProcessMemory.Mb(files.WalBytes)}";

    public static string Memory(ProcessMemory memory) => $"{ProcessMemory.Mb(memory.GcHeapBytes)} / {ProcessMemory.Mb(memory.WorkingSetBytes)}";

    public static string Bytes(double bytes) => bytes < 10_000
        ? $"{bytes.ToString("0", CultureInfo.InvariantCulture)} B"
        : $"{(bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture)} KB";

    public static string Duration(TimeSpan elapsed) => elapsed.TotalMinutes >= 1
        ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s"
        : $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    /// <summary>An exception as one line of a table: the harness's own refusals by their message, anything else with its type.</summary>
    public static string Reason(Exception exception)
    {
        var text = exception is LoadHarnessException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
        text = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return text.Length <= 400 ? text : text[..400] + "…";
    }
}
