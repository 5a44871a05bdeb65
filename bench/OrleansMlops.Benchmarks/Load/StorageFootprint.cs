using Microsoft.Data.Sqlite;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// What the engine's SQLite writers left behind, per writer: rows and average size of a row's payload. Every committed
/// transition writes the run's whole grain state again, appends an audit record and upserts the run index row; a gate
/// commit also appends its decision, its input (the gate's whole input as JSON, deflated) and its rule results.
/// </summary>
internal sealed record StorageFootprint(IReadOnlyList<StorageFootprint.Writer> Writers)
{
    public static async Task<StorageFootprint> ReadAsync(string databasePath)
    {
        await using var connection = await DatabaseFiles.OpenReadOnlyAsync(databasePath);
        // Grain state rows are keyed by grain id ("type/key").
        var grainState = await ReadManyAsync(
            connection,
            "SELECT 'grain state \"' || substr(grain_id, 1, instr(grain_id, '/') - 1) || '\"', COUNT(*), AVG(LENGTH(payload)) FROM grain_state "
            + "GROUP BY 1 ORDER BY 2 DESC");
        return new StorageFootprint(
        [
            .. grainState,
            await ReadAsync(connection, "audit records", "SELECT COUNT(*), AVG(LENGTH(payload)) FROM audit_records"),
            await ReadAsync(connection, "gate decisions", "SELECT COUNT(*), NULL FROM gate_decisions"),
            await ReadAsync(connection, "gate decision inputs (deflated JSON)", "SELECT COUNT(*), AVG(LENGTH(input)) FROM gate_decision_inputs"),
            await ReadAsync(connection, "gate rule results", "SELECT COUNT(*), AVG(LENGTH(message)) FROM gate_rule_results"),
            await ReadAsync(connection, "run index rows", "SELECT COUNT(*), NULL FROM runs"),
        ]);
    }

    private static async Task<IReadOnlyList<Writer>> ReadManyAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var writers = new List<Writer>();
        while (await reader.ReadAsync())
        {
            writers.Add(new Writer(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetDouble(2)));
        }

        return writers;
    }

    private static async Task<Writer> ReadAsync(SqliteConnection connection, string name, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Writer(name, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDouble(1));
    }

    /// <summary>One writer: its rows and the average payload of a row (null when it has no payload column).</summary>
    public sealed record Writer(string Name, long Rows, double? AveragePayloadBytes);
}
