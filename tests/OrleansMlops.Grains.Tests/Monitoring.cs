using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Monitoring;

namespace OrleansMlops.Grains.Tests;

/// <summary>Monitoring reports as a monitoring service sends them.</summary>
internal static class Monitoring
{
    /// <summary>The service that reports live metrics; it holds no role that could sign anything off.</summary>
    public static readonly Actor Service = new("credit-monitoring-service", ["monitoring"], "ml-platform");

    public static IModelMonitorGrain Monitor(this IClusterClient client, string environment = "production", string model = "credit-risk") =>
        client.GetGrain<IModelMonitorGrain>(new ModelEnvironmentKey(model, environment).GrainKey);

    public static MonitoringReport Report(int version, string? observationId = null, params (string Name, double Value)[] metrics) =>
        new(version, metrics.ToImmutableDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal), observationId, Service);
}
