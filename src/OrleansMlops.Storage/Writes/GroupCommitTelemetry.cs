using System.Diagnostics.Metrics;

namespace OrleansMlops.Storage.Writes;

/// <summary>
/// Group commit's metrics (meter <see cref="Name"/>): how many writes each transaction carried, and how long the writer
/// spent on it, from its first statement to the end of its commit. The writer does one transaction at a time, so the
/// durations summed over a second are the share of that second it was busy: near one second per second, the writer is
/// what limits throughput.
/// </summary>
public sealed class GroupCommitTelemetry : IDisposable
{
    public const string Name = "OrleansMlops.Storage";

    public const string WritesInstrument = "mlops.storage.commit.writes";

    public const string DurationInstrument = "mlops.storage.commit.duration";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<int> _writes;
    private readonly Histogram<double> _duration;

    /// <param name="meterFactory">
    /// The host's, so that a listener can tell one host's writers from another's (by <see cref="Meter.Scope"/>); without
    /// one, a meter of its own.
    /// </param>
    internal GroupCommitTelemetry(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _writes = _meter.CreateHistogram<int>(
            WritesInstrument, unit: "{write}", description: "Writes that shared one group-commit transaction.");
        _duration = _meter.CreateHistogram<double>(
            DurationInstrument, unit: "ms", description: "The writer's time on one transaction, its statements and its commit.");
    }

    internal void Committed(int writes, TimeSpan elapsed, bool succeeded)
    {
        var outcome = new KeyValuePair<string, object?>("mlops.storage.outcome", succeeded ? "committed" : "failed");
        _writes.Record(writes, outcome);
        _duration.Record(elapsed.TotalMilliseconds, outcome);
    }

    /// <summary>Disposes the meter if it is this object's own; a factory's meters are the factory's to dispose.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
