using System.Data.Common;
using Dapper;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Storage.Governance;

/// <summary>
/// Rule set versions in the append-only <c>rule_set_versions</c> table (triggers refuse UPDATE, DELETE and overwrites).
/// The table is created on first use too (script 103, idempotent), so the governance catalog can load at start
/// whichever of it and the silo's schema initializer runs first.
/// </summary>
public sealed class SqliteRuleSetVersionStore(DbDataSource dataSource) : IRuleSetVersionStore
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

    private const string ScriptResource = "OrleansMlops.Storage.Sql.Sqlite.103-rule-set-versions.sql";

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
        // SQLite write transactions are serialized, so the check below cannot race another writer.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<RuleSetVersionRow>(
            new CommandDefinition(SelectOne, new { row.RuleSetId, row.Version }, transaction, cancellationToken: cancellationToken));
        if (stored is not null)
        {
            if (!stored.SameAs(row))
            {
                throw new RuleSetVersionConflictException(record.RuleSetId, record.Version);
            }

            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(Insert, row, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
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
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(Script(), cancellationToken: cancellationToken));
                _tableReady = true;
            }
        }
        finally
        {
            _tableLock.Release();
        }
    }

    private static string Script()
    {
        using var stream = typeof(SqliteRuleSetVersionStore).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Embedded SQL script '{ScriptResource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
