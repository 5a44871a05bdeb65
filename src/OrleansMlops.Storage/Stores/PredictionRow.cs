using OrleansMlops.Storage.Predictions;

namespace OrleansMlops.Storage.Stores;

/// <summary>A prediction_log row as Dapper reads and writes it (integers as long, times as UTC round-trip text).</summary>
internal sealed class PredictionRow
{
    public string PredictionId { get; set; } = "";
    public string PredictedAt { get; set; } = "";
    public string ModelName { get; set; } = "";
    public long ModelVersion { get; set; }
    public string ArtifactSha256 { get; set; } = "";
    public string Environment { get; set; } = "";
    public string CallerId { get; set; } = "";
    public string InputSha256 { get; set; } = "";
    public double Score { get; set; }
    public double Probability { get; set; }
    public string Decision { get; set; } = "";
    public string? OverriddenBy { get; set; }
    public string? OverrideOutcome { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverriddenAt { get; set; }

    // A new prediction is never stored already overridden: the override is a later, separate act.
    public static PredictionRow From(PredictionRecord prediction) => new()
    {
        PredictionId = prediction.PredictionId,
        PredictedAt = UtcTimestamp.Format(prediction.PredictedAt),
        ModelName = prediction.ModelName,
        ModelVersion = prediction.ModelVersion,
        ArtifactSha256 = prediction.ArtifactSha256,
        Environment = prediction.Environment,
        CallerId = prediction.CallerId,
        InputSha256 = prediction.InputSha256,
        Score = prediction.Score,
        Probability = prediction.Probability,
        Decision = prediction.Decision,
    };

    public PredictionRecord ToRecord() => new(
        PredictionId,
        UtcTimestamp.Parse(PredictedAt),
        ModelName,
        checked((int)ModelVersion),
        ArtifactSha256,
        Environment,
        CallerId,
        InputSha256,
        Score,
        Probability,
        Decision)
    {
        OverriddenBy = OverriddenBy,
        OverrideOutcome = OverrideOutcome,
        OverrideReason = OverrideReason,
        OverriddenAt = OverriddenAt is null ? null : UtcTimestamp.Parse(OverriddenAt),
    };
}
