namespace OrleansMlops.Storage.Predictions;

/// <summary>
/// One served prediction in the inference log (AI Act Art. 12): when, which model version and artifact, where, for whom,
/// a reference to the input (the SHA-256 of its canonical JSON, not the applicant's data) and the output. The override
/// fields stay null until a person overrides the decision, which can happen once.
/// </summary>
public sealed record PredictionRecord(
    string PredictionId,
    DateTimeOffset PredictedAt,
    string ModelName,
    int ModelVersion,
    string ArtifactSha256,
    string Environment,
    string CallerId,
    string InputSha256,
    double Score,
    double Probability,
    string Decision)
{
    public string? OverriddenBy { get; init; }

    public string? OverrideOutcome { get; init; }

    public string? OverrideReason { get; init; }

    public DateTimeOffset? OverriddenAt { get; init; }
}
