using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Monitoring;

/// <summary>
/// What a monitoring service observed of a live model version: finite metrics by name (e.g. <c>drift</c>, <c>auc</c>),
/// an optional id of the observation (a time window, a batch) that makes a repeated report idempotent, and who reports.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.monitoring-report")]
public sealed record MonitoringReport(
    [property: Id(0)] int Version,
    [property: Id(1)] ImmutableDictionary<string, double> Metrics,
    [property: Id(2)] string? ObservationId,
    [property: Id(3)] Actor ReportedBy);
