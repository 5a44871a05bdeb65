using System.Data.Common;
using Dapper;
using OrleansMlops.Storage.Predictions;

namespace OrleansMlops.Storage.Stores;

/// <summary>The inference log in <c>prediction_log</c> (a trigger refuses any UPDATE but the first override).</summary>
public sealed class SqlPredictionLog(DbDataSource dataSource) : IPredictionLog
{
    private const string Columns =
        "prediction_id AS PredictionId, predicted_at AS PredictedAt, model_name AS ModelName, model_version AS ModelVersion, "
        + "artifact_sha256 AS ArtifactSha256, environment AS Environment, caller_id AS CallerId, input_sha256 AS InputSha256, "
        + "score AS Score, probability AS Probability, decision AS Decision, overridden_by AS OverriddenBy, "
        + "override_outcome AS OverrideOutcome, override_reason AS OverrideReason, overridden_at AS OverriddenAt";

    private const string Insert =
        "INSERT INTO prediction_log (prediction_id, predicted_at, model_name, model_version, artifact_sha256, environment, "
        + "caller_id, input_sha256, score, probability, decision) "
        + "VALUES (@PredictionId, @PredictedAt, @ModelName, @ModelVersion, @ArtifactSha256, @Environment, "
        + "@CallerId, @InputSha256, @Score, @Probability, @Decision)";

    // The IS NULL condition makes "once" part of the write itself: two people overriding at once cannot both succeed.
    private const string SetOverride =
        "UPDATE prediction_log SET overridden_by = @OverriddenBy, override_outcome = @Outcome, override_reason = @Reason, "
        + "overridden_at = @OverriddenAt WHERE prediction_id = @PredictionId AND overridden_by IS NULL";

    public async Task AppendAsync(PredictionRecord prediction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentException.ThrowIfNullOrEmpty(prediction.PredictionId, nameof(prediction));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, PredictionRow.From(prediction), cancellationToken: cancellationToken));
    }

    public async Task<PredictionRecord?> GetAsync(string predictionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(predictionId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PredictionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM prediction_log WHERE prediction_id = @PredictionId",
            new { PredictionId = predictionId },
            cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<PredictionRecord>> QueryAsync(PredictionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Filters are added only when given, so the database can use the matching index.
        var filters = new SqlFilters();

        if (query.ModelName is not null)
        {
            filters.Add("model_name = @ModelName", "ModelName", query.ModelName);
        }

        if (query.ModelVersion is { } version)
        {
            filters.Add("model_version = @ModelVersion", "ModelVersion", version);
        }

        if (query.Environment is not null)
        {
            filters.Add("environment = @Environment", "Environment", query.Environment);
        }

        if (query.From is { } from)
        {
            filters.Add("predicted_at >= @From", "From", UtcTimestamp.Format(from));
        }

        if (query.To is { } to)
        {
            filters.Add("predicted_at < @To", "To", UtcTimestamp.Format(to));
        }

        filters.Parameters.Add("Limit", PredictionQuery.Clamp(query.Limit));
        var sql = $"SELECT {Columns} FROM prediction_log{filters.Where} ORDER BY predicted_at DESC, prediction_id LIMIT @Limit";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PredictionRow>(new CommandDefinition(sql, filters.Parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToRecord()).ToList();
    }

    public async Task<OverrideResult> OverrideAsync(string predictionId, PredictionOverride decision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(predictionId);
        ArgumentNullException.ThrowIfNull(decision);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            SetOverride,
            new
            {
                PredictionId = predictionId,
                decision.OverriddenBy,
                decision.Outcome,
                decision.Reason,
                OverriddenAt = UtcTimestamp.Format(decision.OverriddenAt),
            },
            cancellationToken: cancellationToken));
        if (updated == 1)
        {
            return OverrideResult.Recorded;
        }

        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM prediction_log WHERE prediction_id = @PredictionId",
            new { PredictionId = predictionId },
            cancellationToken: cancellationToken));
        return exists == 0 ? OverrideResult.NotFound : OverrideResult.AlreadyOverridden;
    }

    public async Task<int> PurgeOlderThanAsync(string environment, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(environment);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM prediction_log WHERE environment = @Environment AND predicted_at < @Cutoff",
            new { Environment = environment, Cutoff = UtcTimestamp.Format(cutoff) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> EnvironmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var environments = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT environment FROM prediction_log ORDER BY environment", cancellationToken: cancellationToken));
        return environments.ToList();
    }
}
