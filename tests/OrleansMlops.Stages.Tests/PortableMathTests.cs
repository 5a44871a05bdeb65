using OrleansMlops.Stages.Data;

namespace OrleansMlops.Stages.Tests;

public sealed class PortableMathTests
{
    [Theory]
    [InlineData(-30.0)]
    [InlineData(-2.5)]
    [InlineData(-0.1)]
    [InlineData(0.0)]
    [InlineData(0.3465)]
    [InlineData(1.0)]
    [InlineData(10.55)]
    [InlineData(12.0)]
    [InlineData(300.0)]
    public void Exp_agrees_with_the_platform_to_a_few_ulps(double x)
    {
        var expected = Math.Exp(x);

        var relativeError = Math.Abs(PortableMath.Exp(x) - expected) / expected;

        Assert.True(relativeError < 1e-15, $"exp({x}): relative error {relativeError}");
    }

    [Fact]
    public void Sigmoid_is_one_half_at_zero_and_symmetric()
    {
        Assert.Equal(0.5, PortableMath.Sigmoid(0.0));
        Assert.Equal(1.0, PortableMath.Sigmoid(2.0) + PortableMath.Sigmoid(-2.0), precision: 15);
    }

    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        // First outputs of the reference C implementation for seed 1234567.
        var random = new SplitMix64(1234567);

        Assert.Equal(6457827717110365317UL, random.NextUInt64());
        Assert.Equal(3203168211198807973UL, random.NextUInt64());
        Assert.Equal(9817491932198370423UL, random.NextUInt64());
    }
}
