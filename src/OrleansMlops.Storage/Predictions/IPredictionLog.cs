namespace OrleansMlops.Storage.Predictions;

/// <summary>
/// The inference log of deployed models: one row per served prediction, written before the prediction is returned.
/// Rows never change except for one override; they leave only through <see cref="PurgeOlderThanAsync"/> when their
/// environment's retention period is over.
/// </summary>
public interface IPredictionLog
{
    /// <summary>Stores a new prediction; throws when the write fails (the caller must then not return the prediction).</summary>
    Task AppendAsync(PredictionRecord prediction, CancellationToken cancellationToken);

    Task<PredictionRecord?> GetAsync(string predictionId, CancellationToken cancellationToken);

    /// <summary>Predictions matching every given filter, newest first (ties by id); the limit is clamped to 1..1000.</summary>
    Task<IReadOnlyList<PredictionRecord>> QueryAsync(PredictionQuery query, CancellationToken cancellationToken);

    /// <summary>Records a person's override, only if the prediction exists and was not overridden yet (one atomic statement).</summary>
    Task<OverrideResult> OverrideAsync(string predictionId, PredictionOverride decision, CancellationToken cancellationToken);

    /// <summary>Deletes the predictions of <paramref name="environment"/> made before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeOlderThanAsync(string environment, DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The environments that have predictions in the log, sorted.</summary>
    Task<IReadOnlyList<string>> EnvironmentsAsync(CancellationToken cancellationToken);
}
