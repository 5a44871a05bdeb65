using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Monitoring;

/// <summary>
/// One report as the monitor kept it: what was reported, by whom and when, the gate decision (its id is in the decision
/// log), the failed rules, what followed, and the retraining run concerned (started, or already open).
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.monitoring-outcome")]
public sealed record MonitoringOutcome(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string Model,
    [property: Id(2)] string Environment,
    [property: Id(3)] int Version,
    [property: Id(4)] ImmutableDictionary<string, double> Metrics,
    [property: Id(5)] string? ObservationId,
    [property: Id(6)] string ReportedBy,
    [property: Id(7)] DateTimeOffset ReceivedAt,
    [property: Id(8)] MonitoringOutcomeKind Outcome,
    [property: Id(9)] string DecisionId,
    [property: Id(10)] ImmutableArray<string> FailedRules,
    [property: Id(11)] string? RetrainingRunId,
    [property: Id(12)] string? Error);
