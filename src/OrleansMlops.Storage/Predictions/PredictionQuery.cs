namespace OrleansMlops.Storage.Predictions;

/// <summary>
/// Filters for reading the inference log; null means any. <see cref="From"/> is inclusive, <see cref="To"/> exclusive.
/// Newest first, at most <see cref="Limit"/> rows.
/// </summary>
public sealed record PredictionQuery(
    string? ModelName = null,
    int? ModelVersion = null,
    string? Environment = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = PredictionQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public static int Clamp(int requested) => Math.Clamp(requested, 1, MaxLimit);
}
