using System.Data.Common;
using Dapper;
using OrleansMlops.Governance.Versions;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Governance;

/// <summary>
/// Rule set versions in the append-only <c>rule_set_versions</c> table (triggers refuse UPDATE, DELETE and overwrites), on
/// SQLite or PostgreSQL as <paramref name="dialect"/> says. The table is created on first use too (script 103, idempotent),
/// so the governance catalog can load at start whichever of it and the silo's schema initializer runs first.
/// </summary>
public sealed class SqlRuleSetVersionStore(DbDataSource dataSource, SqlDialect dialect) : IRuleSetVersionStore
{
    private const string Columns =
        "rule_set_id AS RuleSetId, version AS Version, content_hash AS ContentHash, content AS Content, "
        + "activated_by AS ActivatedBy, activated_at AS ActivatedAt, source AS Source";

    private const string SelectAll = $"SELECT {Columns} FROM rule_set_versions ORDER BY rule_set_id, version";

    private const string SelectOne = $"SELECT {Columns} FROM rule_set_versions WHERE rule_set_id = @RuleSetId AND version = @Version";

    private const string Insert =
        "INSERT INTO rule_set_versions (rule_set_id, version, content_hash, content, activated_by, activated_at, source) "
        + "VALUES (@RuleSetId, @Version, @ContentHash, @Content, @ActivatedBy, @ActivatedAt, @Source) "
        + "ON CONFLICT (rule_set_id, version) DO NOTHING";

    private const string Script = "103-rule-set-versions.sql";

    private readonly SemaphoreSlim _tableLock = new(1, 1);
    private volatile bool _tableReady;

    public async Task<IReadOnlyList<RuleSetVersionRecord>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleSetVersionRow>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToRecord())];
    }

    public async Task AppendAsync(RuleSetVersionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureTableAsync(cancellationToken);
        var row = RuleSetVersionRow.From(record);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Checked before inserting: SQLite's overwrite trigger would refuse a differing row too, but with a bare error.
        var stored = await ReadOneAsync(connection, transaction, row, cancellationToken);
        if (stored is null)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(Insert, row, transaction, cancellationToken: cancellationToken)) == 1)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            // Another writer stored this version after the check (PostgreSQL; SQLite serializes write transactions).
            stored = await ReadOneAsync(connection, transaction, row, cancellationToken)
                ?? throw new InvalidOperationException($"Rule set '{row.RuleSetId}' version {row.Version} was neither inserted nor found.");
        }

        if (!stored.SameAs(row))
        {
            throw new RuleSetVersionConflictException(record.RuleSetId, record.Version);
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableReady)
        {
            return;
        }

        await _tableLock.WaitAsync(cancellationToken);
        try
        {
            if (!_tableReady)
            {
                await dialect.ApplyScriptAsync(dataSource, Script, cancellationToken);
                _tableReady = true;
            }
        }
        finally
        {
            _tableLock.Release();
        }
    }

    private static Task<RuleSetVersionRow?> ReadOneAsync(
        DbConnection connection, DbTransaction transaction, RuleSetVersionRow row, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<RuleSetVersionRow>(
            new CommandDefinition(SelectOne, new { row.RuleSetId, row.Version }, transaction, cancellationToken: cancellationToken));
}
