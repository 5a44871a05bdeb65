namespace OrleansMlops.Host.Telemetry;

/// <summary>Where traces and metrics go (configuration section "Telemetry"); by default nowhere, at no cost.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public const string Console = "console";

    public const string Otlp = "otlp";

    /// <summary>Any of "console" and "otlp".</summary>
    public string[] Exporters { get; set; } = [];

    /// <summary>The OTLP collector; unset, the exporter's default (http://localhost:4317, or OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Problems with these settings, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        [.. Exporters.Where(e => e is not (Console or Otlp)).Select(e =>
            $"{Section}:{nameof(Exporters)} holds '{e}', which is not an exporter; use '{Console}' or '{Otlp}'.")];
}
