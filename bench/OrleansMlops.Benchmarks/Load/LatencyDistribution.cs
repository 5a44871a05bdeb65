namespace OrleansMlops.Benchmarks.Load;

/// <summary>A sorted set of latencies in milliseconds, read by nearest-rank percentiles.</summary>
internal sealed class LatencyDistribution
{
    private readonly double[] _sorted;

    private LatencyDistribution(double[] sorted) => _sorted = sorted;

    public int Count => _sorted.Length;

    public static LatencyDistribution Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.ToArray();
        Array.Sort(sorted);
        return new LatencyDistribution(sorted);
    }

    /// <summary>The smallest value at least <paramref name="percent"/>% of the samples do not exceed; NaN when empty.</summary>
    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];
}
