namespace OrleansMlops.Stages.Data;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014). Written out here, rather than using a seeded <see cref="Random"/>, because
/// the sequence of a seeded <see cref="Random"/> is an implementation detail that may change between .NET versions,
/// and the committed data set must be reproducible byte for byte.
/// </summary>
public sealed class SplitMix64
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits, so every value is exactly representable.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>
    /// An approximately standard normal value: the Irwin–Hall sum of twelve uniforms minus six. It needs only additions,
    /// which IEEE 754 defines exactly, whereas Box–Muller would depend on the platform's log and cosine. Its tails stop
    /// at ±6, which is immaterial for this data set.
    /// </summary>
    public double NextGaussian()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }
}
