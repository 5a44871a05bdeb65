using System.Data.Common;
using Dapper;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Stores;

/// <summary>Audit records in the append-only <c>audit_records</c> table (triggers refuse UPDATE and DELETE), on SQLite or PostgreSQL.</summary>
public sealed class SqlAuditStore(DbDataSource dataSource, ISqlWriter writer) : IAuditStore
{
    private const string Columns =
        "run_id AS RunId, seq AS Sequence, kind AS Kind, actor AS Actor, at AS At, "
        + "payload AS PayloadJson, prev_hash AS PreviousHash, hash AS Hash";

    private const string SelectOne = $"SELECT {Columns} FROM audit_records WHERE run_id = @RunId AND seq = @Sequence";

    private const string SelectRun = $"SELECT {Columns} FROM audit_records WHERE run_id = @RunId ORDER BY seq";

    private const string Insert =
        "INSERT INTO audit_records (run_id, seq, kind, actor, at, payload, prev_hash, hash) "
        + "VALUES (@RunId, @Sequence, @Kind, @Actor, @At, @PayloadJson, @PreviousHash, @Hash) "
        + "ON CONFLICT (run_id, seq) DO NOTHING";

    /// <summary>Reads and writes <paramref name="dataSource"/> directly, one transaction per append.</summary>
    public SqlAuditStore(DbDataSource dataSource)
        : this(dataSource, new DirectSqlWriter(dataSource))
    {
    }

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Count == 0 ? Task.CompletedTask : writer.ExecuteAsync(Append(records), cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="records"/> inside a transaction the caller commits, e.g. with the grain state that chained
    /// them. Records already stored identically are skipped.
    /// </summary>
    /// <remarks>The work throws <see cref="AuditStoreException"/> when a stored record with the same run and sequence differs.</remarks>
    public static SqlWork Append(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = records.Select(record => AuditRow.From(record ?? throw new ArgumentNullException(nameof(records)))).ToList();
        return async (connection, transaction, cancellationToken) =>
        {
            foreach (var row in rows)
            {
                // Checked before inserting: SQLite's overwrite trigger would refuse a differing row too, but with a bare error.
                var stored = await ReadOneAsync(connection, transaction, row, cancellationToken);
                if (stored is not null)
                {
                    EnsureSame(stored, row);
                    continue;
                }

                var inserted = await connection.ExecuteAsync(new CommandDefinition(Insert, row, transaction, cancellationToken: cancellationToken));
                if (inserted == 0)
                {
                    // Another writer stored this sequence after the check (PostgreSQL; SQLite serializes write transactions):
                    // its row is committed now, so compare with it rather than let a fork pass as a replay.
                    var winner = await ReadOneAsync(connection, transaction, row, cancellationToken)
                        ?? throw new InvalidOperationException($"Audit record {row.Sequence} of run '{row.RunId}' was neither inserted nor found.");
                    EnsureSame(winner, row);
                }
            }
        };
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(
            new CommandDefinition(SelectRun, new { RunId = runId }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToRecord()).ToList();
    }

    private static Task<AuditRow?> ReadOneAsync(
        DbConnection connection, DbTransaction transaction, AuditRow row, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<AuditRow>(
            new CommandDefinition(SelectOne, new { row.RunId, row.Sequence }, transaction, cancellationToken: cancellationToken));

    private static void EnsureSame(AuditRow stored, AuditRow incoming)
    {
        if (stored.SameAs(incoming))
        {
            return;
        }

        var what = string.Equals(stored.Hash, incoming.Hash, StringComparison.Ordinal)
            ? "has the same hash but different contents"
            : $"has hash {incoming.Hash}, but the stored record has hash {stored.Hash}";
        throw new AuditStoreException(
            incoming.RunId,
            incoming.Sequence,
            $"Audit record {incoming.Sequence} of run '{incoming.RunId}' {what}: the chain has forked or was tampered with.");
    }
}
