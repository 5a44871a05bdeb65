namespace OrleansMlops.Abstractions.Governance;

/// <summary>
/// One metric threshold the run declared when it started (parameter <c>threshold.auc.min = 0.7</c>), checked against the
/// model's metrics by the engine so rules need no string arithmetic. <paramref name="Actual"/> is null when the metric is missing.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.threshold-check")]
public sealed record ThresholdCheck(
    [property: Id(0)] string Metric,
    [property: Id(1)] string Bound,
    [property: Id(2)] double Limit,
    [property: Id(3)] double? Actual,
    [property: Id(4)] bool Passed);
