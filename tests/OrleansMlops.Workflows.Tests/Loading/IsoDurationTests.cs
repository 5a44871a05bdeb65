namespace OrleansMlops.Workflows.Tests;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT48H", 48 * 3600)]
    [InlineData("P2D", 2 * 86400)]
    [InlineData("PT1M30S", 90)]
    [InlineData("P1DT2H", 26 * 3600)]
    [InlineData("P1W", 7 * 86400)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("PT1,5S", 1.5)]
    [InlineData(" PT10S ", 10)]
    [InlineData("PT0S", 0)]
    [InlineData("P1DT1H1M1S", 90061)]
    public void Fixed_length_durations_parse(string text, double seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("P1M", "months depend on the calendar")]
    [InlineData("P1Y", "years depend on the calendar")]
    [InlineData("P1Y2D", "years depend on the calendar")]
    [InlineData("", "empty")]
    [InlineData("48H", "must start with 'P'")]
    [InlineData("-PT1H", "must start with 'P'")]
    [InlineData("P", "has no components")]
    [InlineData("PT", "no time components after 'T'")]
    [InlineData("P1H", "'H' belongs after 'T'")]
    [InlineData("PT1H1H", "out of order or repeated")]
    [InlineData("PT1M1H", "out of order or repeated")]
    [InlineData("P1.5D", "must be a whole number")]
    [InlineData("PT1.S", "not a valid number of seconds")]
    [InlineData("PT1X", "'X' is not a duration designator")]
    [InlineData("PT10", "expected a number followed by a designator")]
    [InlineData("P9999999999D", "longer than the maximum of 3650 days")]
    [InlineData("P4000D", "longer than the maximum of 3650 days")]
    [InlineData("${delay}", "must start with 'P'")]
    public void Calendar_dependent_and_malformed_durations_are_refused(string text, string reason)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
