using System.Data.Common;
using Dapper;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Stores;

/// <summary>The model registry read model in <c>model_versions</c> and its tag, environment and file tables.</summary>
public sealed class SqlModelIndex(DbDataSource dataSource) : IModelIndex
{
    private const string Columns =
        "m.name AS Name, m.version AS Version, m.lifecycle AS Lifecycle, m.purpose AS Purpose, m.risk_class AS RiskClass, "
        + "m.owner AS Owner, m.tier AS Tier, m.owner_run_id AS OwnerRunId, m.artifact_sha256 AS ArtifactSha256, "
        + "m.dataset_id AS DatasetId, m.dataset_version AS DatasetVersion, m.code_commit AS CodeCommit, "
        + "m.trained_by AS TrainedBy, m.trained_at AS TrainedAt, m.registered_at AS RegisteredAt, m.updated_at AS UpdatedAt, "
        + "m.approved_by AS ApprovedBy, m.environments AS Environments, m.tags AS Tags, m.parameters_json AS ParametersJson, "
        + "m.training_environment_json AS TrainingEnvironmentJson, m.training_metrics_json AS TrainingMetricsJson, "
        + "m.validation_metrics_json AS ValidationMetricsJson, m.revision AS Revision";

    private const string NewestFirst = " ORDER BY m.registered_at DESC, m.name, m.version DESC LIMIT @Limit";

    // The WHERE on DO UPDATE makes the write conditional in one statement: no read-then-write race.
    private const string UpsertRow =
        "INSERT INTO model_versions (name, version, lifecycle, purpose, risk_class, owner, tier, owner_run_id, artifact_sha256, "
        + "dataset_id, dataset_version, code_commit, trained_by, trained_at, registered_at, updated_at, approved_by, environments, "
        + "tags, parameters_json, training_environment_json, training_metrics_json, validation_metrics_json, revision) "
        + "VALUES (@Name, @Version, @Lifecycle, @Purpose, @RiskClass, @Owner, @Tier, @OwnerRunId, @ArtifactSha256, "
        + "@DatasetId, @DatasetVersion, @CodeCommit, @TrainedBy, @TrainedAt, @RegisteredAt, @UpdatedAt, @ApprovedBy, @Environments, "
        + "@Tags, @ParametersJson, @TrainingEnvironmentJson, @TrainingMetricsJson, @ValidationMetricsJson, @Revision) "
        + "ON CONFLICT (name, version) DO UPDATE SET "
        + "lifecycle = excluded.lifecycle, purpose = excluded.purpose, risk_class = excluded.risk_class, owner = excluded.owner, "
        + "tier = excluded.tier, owner_run_id = excluded.owner_run_id, artifact_sha256 = excluded.artifact_sha256, "
        + "dataset_id = excluded.dataset_id, dataset_version = excluded.dataset_version, code_commit = excluded.code_commit, "
        + "trained_by = excluded.trained_by, trained_at = excluded.trained_at, registered_at = excluded.registered_at, "
        + "updated_at = excluded.updated_at, approved_by = excluded.approved_by, environments = excluded.environments, "
        + "tags = excluded.tags, parameters_json = excluded.parameters_json, "
        + "training_environment_json = excluded.training_environment_json, training_metrics_json = excluded.training_metrics_json, "
        + "validation_metrics_json = excluded.validation_metrics_json, revision = excluded.revision "
        + "WHERE excluded.revision > model_versions.revision";

    private const string DeleteChildren =
        "DELETE FROM model_version_tags WHERE name = @Name AND version = @Version; "
        + "DELETE FROM model_version_environments WHERE name = @Name AND version = @Version; "
        + "DELETE FROM model_version_files WHERE name = @Name AND version = @Version;";

    private const string InsertTag = "INSERT INTO model_version_tags (name, version, tag) VALUES (@Name, @Version, @Tag)";

    private const string InsertEnvironment =
        "INSERT INTO model_version_environments (name, version, environment) VALUES (@Name, @Version, @Environment)";

    private const string InsertFile =
        "INSERT INTO model_version_files (name, version, ordinal, role, path, sha256, rows) "
        + "VALUES (@Name, @Version, @Ordinal, @Role, @Path, @Sha256, @Rows)";

    /// <summary>
    /// Projects <paramref name="view"/> at <paramref name="revision"/> inside a transaction the caller commits: the model
    /// version's transition, so the listing never disagrees with the state. A stored newer (or the same) revision wins.
    /// </summary>
    public static SqlWork Upsert(ModelVersionView view, long revision)
    {
        ArgumentNullException.ThrowIfNull(view);
        var row = ModelVersionRow.From(view, revision);
        return async (session, cancellationToken) =>
        {
            var (connection, transaction) = (session.Connection, session.Transaction);
            var key = new { row.Name, row.Version };
            var changed = await connection.ExecuteAsync(new CommandDefinition(UpsertRow, row, transaction, cancellationToken: cancellationToken));
            if (changed == 0)
            {
                return;
            }

            await connection.ExecuteAsync(new CommandDefinition(DeleteChildren, key, transaction, cancellationToken: cancellationToken));
            foreach (var tag in ModelVersionRow.TagsOf(view))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    InsertTag, new { row.Name, row.Version, Tag = tag }, transaction, cancellationToken: cancellationToken));
            }

            foreach (var environment in ModelVersionRow.CurrentEnvironments(view))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    InsertEnvironment, new { row.Name, row.Version, Environment = environment }, transaction, cancellationToken: cancellationToken));
            }

            foreach (var file in ModelFileRow.From(view))
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertFile, file, transaction, cancellationToken: cancellationToken));
            }
        };
    }

    public async Task<IReadOnlyList<ModelVersionSummary>> SearchAsync(ModelSearch query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Filters are added only when given, so the database can use the matching index.
        var filters = new SqlFilters();

        if (query.Name is not null)
        {
            filters.Add("m.name = @Name", "Name", query.Name);
        }

        if (query.Lifecycle is { } lifecycle)
        {
            filters.Add("m.lifecycle = @Lifecycle", "Lifecycle", lifecycle.ToString());
        }

        if (query.RiskClass is not null)
        {
            filters.Add("m.risk_class = @RiskClass", "RiskClass", query.RiskClass);
        }

        if (query.Owner is not null)
        {
            filters.Add("m.owner = @Owner", "Owner", query.Owner);
        }

        if (query.Tag is not null)
        {
            filters.Add(
                "EXISTS (SELECT 1 FROM model_version_tags t WHERE t.tag = @Tag AND t.name = m.name AND t.version = m.version)",
                "Tag",
                query.Tag);
        }

        if (query.Environment is not null)
        {
            filters.Add(
                "EXISTS (SELECT 1 FROM model_version_environments e WHERE e.environment = @Environment AND e.name = m.name AND e.version = m.version)",
                "Environment",
                query.Environment);
        }

        filters.Parameters.Add("Limit", ModelSearch.Clamp(query.Limit));
        return await ReadSummariesAsync($"SELECT {Columns} FROM model_versions m{filters.Where}{NewestFirst}", filters.Parameters, cancellationToken);
    }

    public async Task<ModelVersionLineage?> GetLineageAsync(string name, int version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var key = new { Name = name, Version = version };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ModelVersionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM model_versions m WHERE m.name = @Name AND m.version = @Version", key, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var files = await connection.QueryAsync<ModelFileRow>(new CommandDefinition(
            "SELECT name AS Name, version AS Version, ordinal AS Ordinal, role AS Role, path AS Path, sha256 AS Sha256, rows AS Rows "
            + "FROM model_version_files WHERE name = @Name AND version = @Version ORDER BY ordinal",
            key,
            cancellationToken: cancellationToken));
        return row.ToLineage(files);
    }

    public Task<IReadOnlyList<ModelVersionSummary>> ModelsUsingDatasetAsync(
        string datasetId, string? datasetVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetId);
        var versionFilter = datasetVersion is null ? "" : " AND m.dataset_version = @DatasetVersion";
        return ReadSummariesAsync(
            $"SELECT {Columns} FROM model_versions m WHERE m.dataset_id = @DatasetId{versionFilter}{NewestFirst}",
            new { DatasetId = datasetId, DatasetVersion = datasetVersion, Limit = ModelSearch.MaxLimit },
            cancellationToken);
    }

    public Task<IReadOnlyList<ModelVersionSummary>> ModelsUsingFileAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return ReadSummariesAsync(
            $"SELECT {Columns} FROM model_versions m WHERE EXISTS "
            + "(SELECT 1 FROM model_version_files f WHERE f.sha256 = @Sha256 AND f.name = m.name AND f.version = m.version)"
            + NewestFirst,
            new { Sha256 = sha256, Limit = ModelSearch.MaxLimit },
            cancellationToken);
    }

    private async Task<IReadOnlyList<ModelVersionSummary>> ReadSummariesAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModelVersionRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToSummary()).ToList();
    }
}
