using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Orleans' watchdog can report, on a healthy start, a component check "stalled" for as long as the machine has been up.
/// The host drops that one impossible warning and keeps every stall that could be real.
/// </summary>
public sealed partial class WatchdogStartupArtefactTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private const string StallTemplate =
        "Participant check thread has not completed for {TimeSinceLastTick}, potentially indicating lock contention or deadlock, CPU starvation, or another execution anomaly.";

    [Fact]
    public void A_stall_longer_than_the_process_has_run_is_dropped_and_a_shorter_one_is_logged()
    {
        var watchdog = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orleans.Runtime.Watchdog");
        var marker = Guid.NewGuid().ToString("N");

        // The machine's uptime, as the first check reads it from an unset timestamp: longer than any test host has run.
        Stalled(watchdog, TimeSpan.FromDays(3), marker);
        Stalled(watchdog, TimeSpan.FromMilliseconds(1), marker);

        var logged = Assert.Single(factory.Logs.Entries, entry => entry.Contains(marker, StringComparison.Ordinal));
        Assert.Contains("not completed for 00:00:00.0010000", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_words_from_another_category_are_logged_whatever_the_duration()
    {
        var other = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Some.Other.Component");
        var marker = Guid.NewGuid().ToString("N");

        Stalled(other, TimeSpan.FromDays(3), marker);

        Assert.Single(factory.Logs.Entries, entry => entry.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>Orleans' own message, with a marker that tells this test's events from the host's.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = StallTemplate + " {Marker}")]
    private static partial void Stalled(ILogger logger, TimeSpan timeSinceLastTick, string marker);
}
