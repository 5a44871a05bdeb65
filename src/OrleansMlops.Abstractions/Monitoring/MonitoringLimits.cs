using System.Text.RegularExpressions;

namespace OrleansMlops.Abstractions.Monitoring;

/// <summary>
/// What a monitoring report may carry, checked by the monitor grain and, earlier, by the HTTP API (so a 400 names the
/// field): rules read the metrics by name, and a NaN or an infinity would make every comparison false, i.e. pass.
/// </summary>
public static partial class MonitoringLimits
{
    /// <summary>Reports a monitor keeps (its state is written whole on every report); older ones remain in the decision log.</summary>
    public const int KeptReports = 500;

    public const int MaxMetrics = 50;

    public const int MaxObservationIdLength = 128;

    /// <summary>The first thing wrong with the report, as (field, message), or null when it is fine.</summary>
    public static (string Field, string Message)? Problem(MonitoringReport report)
    {
        if (report.Version < 1)
        {
            return ("version", $"version must be the number (1 or more) of the model version observed; got {report.Version}.");
        }

        if (report.Metrics is null || report.Metrics.Count == 0)
        {
            return ("metrics", "metrics must name at least one measured value, e.g. {\"drift\": 0.12}.");
        }

        if (report.Metrics.Count > MaxMetrics)
        {
            return ("metrics", $"at most {MaxMetrics} metrics per report; got {report.Metrics.Count}.");
        }

        foreach (var (name, value) in report.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!MetricName().IsMatch(name))
            {
                return ($"metrics.{name}", $"metric name '{name}' must be 1 to 64 characters: a letter, then letters, digits, '.', '_' or '-'.");
            }

            if (!double.IsFinite(value))
            {
                return ($"metrics.{name}", $"metric '{name}' must be a finite number; got {value}.");
            }
        }

        if (report.ObservationId is { } observation
            && (observation.Length is 0 or > MaxObservationIdLength || !ObservationIdPattern().IsMatch(observation)))
        {
            return ("observationId", $"observationId must be 1 to {MaxObservationIdLength} characters of letters, digits, '.', '_', ':' or '-'.");
        }

        return string.IsNullOrWhiteSpace(report.ReportedBy?.Id)
            ? ("reportedBy", "the reporting service or person must be named.")
            : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [GeneratedRegex("^[A-Za-z0-9._:-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ObservationIdPattern();
}
