using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Monitoring;

/// <summary>
/// A monitor's recent reports (oldest first, at most <see cref="MonitoringLimits.KeptReports"/>), how many retraining
/// runs it started, and the one still open (null: none).
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.monitoring-view")]
public sealed record MonitoringView(
    [property: Id(0)] string Model,
    [property: Id(1)] string Environment,
    [property: Id(2)] string? OpenRetrainingRunId,
    [property: Id(3)] int RetrainingRunsStarted,
    [property: Id(4)] ImmutableArray<MonitoringOutcome> Reports);
