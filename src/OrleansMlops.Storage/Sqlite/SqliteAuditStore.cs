using System.Data.Common;
using Dapper;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Storage.Sqlite;

/// <summary>Audit records in the append-only <c>audit_records</c> table (triggers refuse UPDATE and DELETE).</summary>
public sealed class SqliteAuditStore(DbDataSource dataSource) : IAuditStore
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

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // SQLite write transactions are serialized (BEGIN IMMEDIATE), so the check below cannot race another writer.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            var row = AuditRow.From(record);
            var stored = await connection.QuerySingleOrDefaultAsync<AuditRow>(
                new CommandDefinition(SelectOne, new { row.RunId, row.Sequence }, transaction, cancellationToken: cancellationToken));
            if (stored is not null)
            {
                // Checked before inserting: the overwrite trigger would refuse a differing row too, but with a bare SQLite error.
                EnsureSame(stored, row);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(Insert, row, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(
            new CommandDefinition(SelectRun, new { RunId = runId }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToRecord()).ToList();
    }

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
