using System.Data.Common;
using Dapper;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Stores;

/// <summary>Audit records in the append-only <c>audit_records</c> table (triggers refuse UPDATE and DELETE), on SQLite or PostgreSQL.</summary>
public sealed class SqlAuditStore(DbDataSource dataSource) : IAuditStore
{
    private const string Columns =
        "run_id AS RunId, seq AS Sequence, kind AS Kind, actor AS Actor, at AS At, "
        + "payload AS PayloadJson, prev_hash AS PreviousHash, hash AS Hash";

    private const string SelectOne = $"SELECT {Columns} FROM audit_records WHERE run_id = @RunId AND seq = @Sequence";

    private const string SelectRun = $"SELECT {Columns} FROM audit_records WHERE run_id = @RunId ORDER BY seq";

    private const string SelectPage =
        $"SELECT {Columns} FROM audit_records WHERE run_id = @RunId AND seq > @After AND seq <= @Through ORDER BY seq LIMIT @Limit";

    private static readonly SqlStatement Insert = new(
        "INSERT INTO audit_records (run_id, seq, kind, actor, at, payload, prev_hash, hash) "
        + "VALUES (@RunId, @Sequence, @Kind, @Actor, @At, @PayloadJson, @PreviousHash, @Hash) "
        + "ON CONFLICT (run_id, seq) DO NOTHING",
        "RunId", "Sequence", "Kind", "Actor", "At", "PayloadJson", "PreviousHash", "Hash");

    /// <summary>
    /// Appends <paramref name="records"/> inside a transaction the caller commits, e.g. with the grain state that chained
    /// them. Records already stored identically are skipped.
    /// </summary>
    /// <remarks>The work throws <see cref="AuditStoreException"/> when a stored record with the same run and sequence differs.</remarks>
    public static SqlWork Append(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = records.Select(record => AuditRow.From(record ?? throw new ArgumentNullException(nameof(records)))).ToList();
        return async (session, cancellationToken) =>
        {
            foreach (var row in rows)
            {
                int inserted;
                try
                {
                    inserted = await session.ExecuteAsync(
                        Insert, cancellationToken, row.RunId, row.Sequence, row.Kind, row.Actor, row.At, row.PayloadJson, row.PreviousHash, row.Hash);
                }
                catch (DbException)
                {
                    // SQLite's overwrite trigger refuses a differing record, but with a bare error: name the fork instead.
                    if (await TryReadOneAsync(session, row, cancellationToken) is { } refusing)
                    {
                        EnsureSame(refusing, row);
                    }

                    throw;
                }

                if (inserted == 0)
                {
                    // The sequence is taken: a replay of this very record, or a fork (PostgreSQL has no overwrite trigger;
                    // another writer may also have stored it after this transaction began). Its row is visible now.
                    var stored = await ReadOneAsync(session, row, cancellationToken)
                        ?? throw new InvalidOperationException($"Audit record {row.Sequence} of run '{row.RunId}' was neither inserted nor found.");
                    EnsureSame(stored, row);
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

    public async Task<IReadOnlyList<AuditRecord>> ReadPageAsync(
        string runId, long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            SelectPage, new { RunId = runId, After = afterSequence, Through = throughSequence, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToRecord()).ToList();
    }

    private static Task<AuditRow?> ReadOneAsync(SqlSession session, AuditRow row, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<AuditRow>(
            new CommandDefinition(SelectOne, new { row.RunId, row.Sequence }, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>The stored row, or null when there is none or the transaction can no longer be read (PostgreSQL after an error).</summary>
    private static async Task<AuditRow?> TryReadOneAsync(SqlSession session, AuditRow row, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadOneAsync(session, row, cancellationToken);
        }
        catch (DbException)
        {
            return null;
        }
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
