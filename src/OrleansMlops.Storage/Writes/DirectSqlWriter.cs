using System.Data.Common;

namespace OrleansMlops.Storage.Writes;

/// <summary>One connection and one transaction per piece of work: what every store did before group commit.</summary>
public sealed class DirectSqlWriter(DbDataSource dataSource) : ISqlWriter
{
    public async Task ExecuteAsync(SqlWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var statements = new PreparedStatements(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(new SqlSession(statements, transaction), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
