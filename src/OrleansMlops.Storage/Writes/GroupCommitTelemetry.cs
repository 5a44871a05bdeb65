using System.Diagnostics.Metrics;

namespace OrleansMlops.Storage.Writes;

/// <summary>
/// Group commit's metrics (meter <see cref="Name"/>): how many writes each transaction carried, and how long the writer
/// spent on it, from its first statement to the end of its commit. The writer does one transaction at a time, so the
/// durations summed over a second are the share of that second it was busy: near one second per second, the writer is
/// what limits throughput.
/// </summary>
public static class GroupCommitTelemetry
{
    public const string Name = "OrleansMlops.Storage";

    public const string WritesInstrument = "mlops.storage.commit.writes";

    public const string DurationInstrument = "mlops.storage.commit.duration";

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<int> Writes = Meter.CreateHistogram<int>(
        WritesInstrument, unit: "{write}", description: "Writes that shared one group-commit transaction.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationInstrument, unit: "ms", description: "The writer's time on one transaction, its statements and its commit.");

    internal static void Committed(int writes, TimeSpan elapsed, bool succeeded)
    {
        var outcome = new KeyValuePair<string, object?>("mlops.storage.outcome", succeeded ? "committed" : "failed");
        Writes.Record(writes, outcome);
        Duration.Record(elapsed.TotalMilliseconds, outcome);
    }
}
