using System.Data.Common;
using Dapper;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Stores;

/// <summary>The run listing in the <c>runs</c> table.</summary>
public sealed class SqlRunIndex(DbDataSource dataSource) : IRunIndex
{
    private const string Columns =
        "run_id AS RunId, workflow_id AS WorkflowId, workflow_version AS WorkflowVersion, status AS Status, "
        + "current_nodes AS CurrentNodes, started_by AS StartedBy, started_at AS StartedAt, updated_at AS UpdatedAt, "
        + "version AS Version";

    // The WHERE on DO UPDATE makes the write conditional in one statement: no read-then-write race.
    private static readonly SqlStatement UpsertRow = new(
        "INSERT INTO runs (run_id, workflow_id, workflow_version, status, current_nodes, started_by, started_at, updated_at, version) "
        + "VALUES (@RunId, @WorkflowId, @WorkflowVersion, @Status, @CurrentNodes, @StartedBy, @StartedAt, @UpdatedAt, @Version) "
        + "ON CONFLICT (run_id) DO UPDATE SET "
        + "workflow_id = excluded.workflow_id, workflow_version = excluded.workflow_version, status = excluded.status, "
        + "current_nodes = excluded.current_nodes, started_by = excluded.started_by, started_at = excluded.started_at, "
        + "updated_at = excluded.updated_at, version = excluded.version "
        + "WHERE excluded.version > runs.version",
        "RunId", "WorkflowId", "WorkflowVersion", "Status", "CurrentNodes", "StartedBy", "StartedAt", "UpdatedAt", "Version");

    private const string SelectOne = $"SELECT {Columns} FROM runs WHERE run_id = @RunId";

    /// <summary>
    /// Inserts the run, or replaces it only when <see cref="RunSummary.Version"/> is greater than the stored one (a stale
    /// row never wins), inside a transaction the caller commits: the run's transition.
    /// </summary>
    public static SqlWork Upsert(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrEmpty(summary.RunId, nameof(summary));
        var row = RunRow.From(summary);
        return (session, token) => session.ExecuteAsync(
            UpsertRow, token, row.RunId, row.WorkflowId, row.WorkflowVersion, row.Status, row.CurrentNodes, row.StartedBy, row.StartedAt, row.UpdatedAt, row.Version);
    }

    public async Task<RunSummary?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(
            new CommandDefinition(SelectOne, new { RunId = runId }, cancellationToken: cancellationToken));
        return row?.ToSummary();
    }

    public async Task<IReadOnlyList<RunSummary>> ListAsync(RunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Filters are added only when given, so the database can use the matching (filter, started_at) index.
        var filters = new List<string>();
        if (query.WorkflowId is not null)
        {
            filters.Add("workflow_id = @WorkflowId");
        }

        if (query.Status is not null)
        {
            filters.Add("status = @Status");
        }

        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        var sql = $"SELECT {Columns} FROM runs{where} ORDER BY started_at DESC, run_id LIMIT @Limit";
        var parameters = new
        {
            query.WorkflowId,
            Status = query.Status?.ToString(),
            Limit = RunListLimit.Clamp(query.Limit),
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToSummary()).ToList();
    }
}
