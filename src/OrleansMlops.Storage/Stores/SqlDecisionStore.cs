using System.Data.Common;
using Dapper;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Stores;

/// <summary>
/// The decision log in <c>gate_decisions</c> and <c>gate_rule_results</c> (triggers refuse UPDATE and DELETE), on SQLite or
/// PostgreSQL as <paramref name="dialect"/> says.
/// </summary>
public sealed class SqlDecisionStore(DbDataSource dataSource, SqlDialect dialect) : IDecisionStore
{
    private const string Columns =
        "d.decision_id AS DecisionId, d.run_id AS RunId, d.transition AS Transition, d.node_id AS NodeId, "
        + "d.outcome AS Outcome, d.rule_sets AS RuleSets, d.input_json AS InputJson, d.evaluated_at AS EvaluatedAt, "
        + "d.duration_ms AS DurationMs, d.error AS Error";

    private const string ResultColumns =
        "decision_id AS DecisionId, ordinal AS Ordinal, rule_set_id AS RuleSetId, rule_set_version AS RuleSetVersion, "
        + "rule_name AS RuleName, passed AS Passed, message AS Message";

    private static readonly SqlStatement InsertDecision = new(
        "INSERT INTO gate_decisions (decision_id, run_id, transition, node_id, outcome, rule_sets, input_json, evaluated_at, duration_ms, error) "
        + "VALUES (@DecisionId, @RunId, @Transition, @NodeId, @Outcome, @RuleSets, @InputJson, @EvaluatedAt, @DurationMs, @Error) "
        + "ON CONFLICT (decision_id) DO NOTHING",
        "DecisionId", "RunId", "Transition", "NodeId", "Outcome", "RuleSets", "InputJson", "EvaluatedAt", "DurationMs", "Error");

    // A decision's rule results go in with one statement per up to this many rows: each statement costs the writer a step
    // of its own, and a decision has 5 to 20 results.
    private const int ResultsPerStatement = 32;

    private static readonly string[] ResultParameters = ["DecisionId", "Ordinal", "RuleSetId", "RuleSetVersion", "RuleName", "Passed", "Message"];

    private static readonly SqlStatement?[] InsertResults = new SqlStatement?[ResultsPerStatement + 1];

    /// <summary>
    /// Appends <paramref name="decisions"/> inside a transaction the caller commits, e.g. with the grain state that made
    /// them. Decisions already logged are skipped.
    /// </summary>
    public static SqlWork Append(IReadOnlyList<GateDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var decision in decisions)
        {
            ArgumentNullException.ThrowIfNull(decision, nameof(decisions));
            ArgumentException.ThrowIfNullOrEmpty(decision.DecisionId, nameof(decisions));
        }

        // The rows are made here, by the caller, so the writer that runs the work only binds and steps.
        var rows = decisions.Select(decision => (Decision: DecisionRow.From(decision), Results: RuleResultRow.From(decision).ToList())).ToList();
        return (session, cancellationToken) => Insert(rows, session, cancellationToken);
    }

    private static async Task Insert(
        List<(DecisionRow Decision, List<RuleResultRow> Results)> rows, SqlSession session, CancellationToken cancellationToken)
    {
        foreach (var (decision, results) in rows)
        {
            var inserted = await session.ExecuteAsync(
                InsertDecision,
                cancellationToken,
                decision.DecisionId,
                decision.RunId,
                decision.Transition,
                decision.NodeId,
                decision.Outcome,
                decision.RuleSets,
                decision.InputJson,
                decision.EvaluatedAt,
                decision.DurationMs,
                decision.Error);
            if (inserted == 0)
            {
                // Already projected: its results went in with it, in the same transaction.
                continue;
            }

            foreach (var chunk in results.Chunk(ResultsPerStatement))
            {
                var values = new object?[chunk.Length * ResultParameters.Length];
                var at = 0;
                foreach (var result in chunk)
                {
                    values[at++] = result.DecisionId;
                    values[at++] = result.Ordinal;
                    values[at++] = result.RuleSetId;
                    values[at++] = result.RuleSetVersion;
                    values[at++] = result.RuleName;
                    values[at++] = result.Passed;
                    values[at++] = result.Message;
                }

                await session.ExecuteAsync(InsertResultsOf(chunk.Length), cancellationToken, values);
            }
        }
    }

    /// <summary>The insert of <paramref name="rows"/> rule results (parameters <c>DecisionId0</c>, <c>Ordinal0</c>, … per row), made once per row count.</summary>
    private static SqlStatement InsertResultsOf(int rows)
    {
        if (InsertResults[rows] is { } made)
        {
            return made;
        }

        var parameters = Enumerable.Range(0, rows).SelectMany(row => ResultParameters.Select(parameter => $"{parameter}{row}")).ToArray();
        var tuples = Enumerable.Range(0, rows).Select(row => $"({string.Join(", ", ResultParameters.Select(parameter => $"@{parameter}{row}"))})");
        var statement = new SqlStatement(
            "INSERT INTO gate_rule_results (decision_id, ordinal, rule_set_id, rule_set_version, rule_name, passed, message) VALUES "
            + string.Join(", ", tuples),
            parameters);
        return Interlocked.CompareExchange(ref InsertResults[rows], statement, null) ?? statement;
    }

    public async Task<IReadOnlyList<GateDecision>> QueryAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Filters(query);
        var sql = $"SELECT {Columns} FROM gate_decisions d{where} ORDER BY d.evaluated_at DESC, d.decision_id LIMIT @Limit";
        parameters.Add("Limit", DecisionQuery.Clamp(query.Limit));
        return await ReadAsync(sql, parameters, cancellationToken);
    }

    public async Task<IReadOnlyList<GateDecision>> ForRunAsync(string runId, int limit, bool withInputs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var columns = withInputs ? Columns : Columns.Replace("d.input_json AS InputJson", "'' AS InputJson", StringComparison.Ordinal);
        var newestFirst = await ReadAsync(
            $"SELECT {columns} FROM gate_decisions d WHERE d.run_id = @RunId ORDER BY d.evaluated_at DESC, d.decision_id DESC LIMIT @Limit",
            new { RunId = runId, Limit = limit },
            cancellationToken);
        return [.. newestFirst.Reverse()];
    }

    public async Task<GateDecision?> GetAsync(string decisionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(decisionId);
        var found = await ReadAsync($"SELECT {Columns} FROM gate_decisions d WHERE d.decision_id = @DecisionId", new { DecisionId = decisionId }, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<GateDecision>> RecentAsync(string? transition, int limit, CancellationToken cancellationToken) =>
        QueryAsync(new DecisionQuery(Transition: transition, Limit: limit), cancellationToken);

    // Filters are added only when given, so the database can use the matching (filter, evaluated_at) index.
    private (string Where, DynamicParameters Parameters) Filters(DecisionQuery query)
    {
        var filters = new SqlFilters();

        if (query.RunId is not null)
        {
            filters.Add("d.run_id = @RunId", "RunId", query.RunId);
        }

        if (query.Transition is not null)
        {
            filters.Add("d.transition = @Transition", "Transition", query.Transition);
        }

        if (query.Outcome is { } outcome)
        {
            filters.Add("d.outcome = @Outcome", "Outcome", outcome.ToString());
        }

        if (query.From is { } from)
        {
            filters.Add("d.evaluated_at >= @From", "From", UtcTimestamp.Format(from));
        }

        if (query.To is { } to)
        {
            filters.Add("d.evaluated_at < @To", "To", UtcTimestamp.Format(to));
        }

        if (query.RuleName is not null)
        {
            filters.Add(
                "EXISTS (SELECT 1 FROM gate_rule_results r WHERE r.decision_id = d.decision_id AND r.rule_name = @RuleName)",
                "RuleName",
                query.RuleName);
        }

        if (query.RuleSetId is not null)
        {
            filters.Add(
                dialect.JsonArrayHasObjectWith("d.rule_sets", "ruleSetId", "RuleSetId"),
                "RuleSetId",
                query.RuleSetId);
        }

        return (filters.Where, filters.Parameters);
    }

    private async Task<IReadOnlyList<GateDecision>> ReadAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DecisionRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var results = (await connection.QueryAsync<RuleResultRow>(new CommandDefinition(
                $"SELECT {ResultColumns} FROM gate_rule_results WHERE {dialect.InList("decision_id", "Ids")} ORDER BY decision_id, ordinal",
                new { Ids = rows.Select(r => r.DecisionId).ToArray() },
                cancellationToken: cancellationToken)))
            .ToLookup(r => r.DecisionId, StringComparer.Ordinal);
        return rows.Select(row => row.ToDecision(results[row.DecisionId])).ToList();
    }
}
