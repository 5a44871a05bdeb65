using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// Drops one false alarm of Orleans' silo watchdog. The watchdog starts its platform thread before it stamps the start
/// of the component check, so the platform thread's first look can measure that check's "stall" from timestamp zero:
/// the time since the machine booted ("Participant check thread has not completed for 02:16:00" on a machine up that
/// long), on every healthy start. No check can have stalled for longer than this process has run, so only a warning
/// claiming that is dropped; every stall that could be real is still logged.
/// </summary>
public sealed class WatchdogStartupArtefact : ILogEventFilter
{
    private const string WatchdogCategory = "Orleans.Runtime.Watchdog";
    private const string StallTemplateStart = "Participant check thread has not completed for ";

    private static readonly DateTime ProcessStartedAt = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public bool IsEnabled(LogEvent logEvent) => !IsArtefact(logEvent, DateTime.UtcNow - ProcessStartedAt);

    /// <summary>Whether <paramref name="logEvent"/> is the watchdog reporting a stall longer than <paramref name="processAge"/>.</summary>
    public static bool IsArtefact(LogEvent logEvent, TimeSpan processAge)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return logEvent.MessageTemplate.Text.StartsWith(StallTemplateStart, StringComparison.Ordinal)
            && logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
            && source is ScalarValue { Value: WatchdogCategory }
            && logEvent.Properties.TryGetValue("TimeSinceLastTick", out var stalled)
            && stalled is ScalarValue { Value: TimeSpan stall }
            && stall > processAge;
    }
}
