using System.Diagnostics.Metrics;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>Group commit's transactions, counted from the engine's own metrics (<see cref="GroupCommitTelemetry"/>).</summary>
internal sealed class CommitMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private CommitTotals _totals;

    public CommitMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GroupCommitTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, writes, _, _) =>
        {
            lock (_gate)
            {
                _totals = _totals with { Transactions = _totals.Transactions + 1, Writes = _totals.Writes + writes };
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, _, _) =>
        {
            lock (_gate)
            {
                _totals = _totals with { BusyMilliseconds = _totals.BusyMilliseconds + milliseconds };
            }
        });
        _listener.Start();
    }

    public CommitTotals Capture()
    {
        lock (_gate)
        {
            return _totals;
        }
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Group-commit transactions, the writes they carried, and the writer's time on them.</summary>
internal readonly record struct CommitTotals(long Transactions, long Writes, double BusyMilliseconds)
{
    public static CommitTotals operator -(CommitTotals after, CommitTotals before) =>
        new(after.Transactions - before.Transactions, after.Writes - before.Writes, after.BusyMilliseconds - before.BusyMilliseconds);
}
