using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansMlops.Storage;

namespace OrleansMlops.Host.Health;

/// <summary>Ready only while the database answers a query: without it no transition can be committed.</summary>
internal sealed class StorageHealthCheck(DbDataSource dataSource, StorageOptions storage) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var database = storage.IsPostgreSql ? "PostgreSQL" : "SQLite";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            return HealthCheckResult.Healthy($"{database} answers.");
        }
        catch (Exception e) when (e is DbException or OperationCanceledException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // The exception's own message names the cause (refused, unknown database, timeout); connection strings are
            // not part of it, so it is safe to show.
            return HealthCheckResult.Unhealthy($"{database} does not answer: {e.Message}");
        }
    }
}
