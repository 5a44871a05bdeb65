using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Host.Telemetry;

/// <summary>OpenTelemetry for the engine's spans and metrics (<see cref="RunTelemetry"/>) and the HTTP API, to the configured exporters.</summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddMlopsTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(TelemetryOptions.Section, typeof(TelemetryOptions), problems);
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("orleans-mlops"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RunTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Exporters.Contains(TelemetryOptions.Console))
                {
                    tracing.AddConsoleExporter();
                }

                if (options.Exporters.Contains(TelemetryOptions.Otlp))
                {
                    tracing.AddOtlpExporter(otlp => UseEndpoint(otlp, options));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RunTelemetry.Name, GroupCommitTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Exporters.Contains(TelemetryOptions.Console))
                {
                    metrics.AddConsoleExporter();
                }

                if (options.Exporters.Contains(TelemetryOptions.Otlp))
                {
                    metrics.AddOtlpExporter(otlp => UseEndpoint(otlp, options));
                }
            });
        return builder;
    }

    private static void UseEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions otlp, TelemetryOptions options)
    {
        if (options.OtlpEndpoint is { } endpoint)
        {
            otlp.Endpoint = endpoint;
        }
    }
}
