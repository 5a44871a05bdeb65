using System.Diagnostics.Metrics;

namespace OrleansMlops.Storage.Tests.Writes;

/// <summary>A meter factory of one test's own: a listener that checks <see cref="Meter.Scope"/> hears no other test's writers.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
