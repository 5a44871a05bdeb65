using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrleansMlops.Silo.Persistence;

/// <summary>
/// Refuses to start over a deployment whose grain state only Orleans' ADO.NET storage wrote (earlier versions with
/// <c>Storage:GroupCommit:Enabled=false</c>): this version keeps grain state in its own tables only, so every run and
/// the role directory would start afresh and fork their audit chains. Runs after the schema, before any grain activates.
/// </summary>
internal sealed class LegacyStateGuard(DbDataSource dataSource, IOptions<ClusterOptions> cluster) : ILifecycleParticipant<ISiloLifecycle>
{
    // Orleans' tables were created unquoted, so these names work on PostgreSQL (folded to lower case) as on SQLite.
    private const string LegacyStateQuery = "SELECT 1 FROM OrleansStorage WHERE ServiceId = @ServiceId AND PayloadBinary IS NOT NULL LIMIT 1";

    private const string OwnStateQuery = "SELECT 1 FROM grain_state WHERE service_id = @ServiceId LIMIT 1";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LegacyStateGuard), ServiceLifecycleStage.RuntimeInitialize + 1, CheckAsync);

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var serviceId = cluster.Value.ServiceId;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await Exists(connection, OwnStateQuery, serviceId, cancellationToken) || !await LegacyStateExists(connection, serviceId, cancellationToken))
        {
            return;
        }

        throw new InvalidOperationException(
            $"The database holds grain state of service '{serviceId}' that Orleans' ADO.NET storage wrote (Storage:GroupCommit:Enabled=false "
            + "in an earlier version) and none in the engine's own tables. This version keeps grain state only in its own tables and cannot "
            + "take that state over: starting would begin every run and the role directory afresh. Keep running the version that wrote it, "
            + "or start this one on a new database.");
    }

    private static async Task<bool> LegacyStateExists(DbConnection connection, string serviceId, CancellationToken cancellationToken)
    {
        try
        {
            return await Exists(connection, LegacyStateQuery, serviceId, cancellationToken);
        }
        // A database this version created has no such table.
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task<bool> Exists(DbConnection connection, string sql, string serviceId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql, new { ServiceId = serviceId }, cancellationToken: cancellationToken)) == 1;
}
