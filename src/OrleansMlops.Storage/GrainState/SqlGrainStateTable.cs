using System.Data.Common;
using Dapper;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.GrainState;

/// <summary>
/// Grain state rows in <c>grain_state</c>, on SQLite or PostgreSQL. Writes are <see cref="SqlWork"/> for a caller to
/// commit, alone or with other rows in the same transaction; each checks the version it expects in the same statement
/// that writes, so two activations racing cannot both win.
/// </summary>
public sealed class SqlGrainStateTable(DbDataSource dataSource)
{
    private const string Where =
        "service_id = @ServiceId AND provider = @Provider AND grain_id = @GrainId AND state_name = @StateName";

    private const string Select = $"SELECT version AS Version, payload AS Payload FROM grain_state WHERE {Where}";

    private static readonly SqlStatement Insert = new(
        "INSERT INTO grain_state (service_id, provider, grain_id, state_name, version, payload) "
        + "VALUES (@ServiceId, @Provider, @GrainId, @StateName, 1, @Payload) "
        + "ON CONFLICT (service_id, provider, grain_id, state_name) DO NOTHING",
        "ServiceId", "Provider", "GrainId", "StateName", "Payload");

    private static readonly SqlStatement Update = new(
        $"UPDATE grain_state SET version = version + 1, payload = @Payload WHERE {Where} AND version = @Expected",
        "ServiceId", "Provider", "GrainId", "StateName", "Payload", "Expected");

    public async Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredGrainState>(
            new CommandDefinition(Select, new { key.ServiceId, key.Provider, key.GrainId, key.StateName }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stores <paramref name="payload"/> (null: cleared) if the row is still at <paramref name="expectedVersion"/> (null:
    /// no row yet), and reports the new version through <paramref name="written"/>.
    /// </summary>
    /// <remarks>The work throws <see cref="GrainStateConflictException"/> when the row is at another version.</remarks>
    public static SqlWork Write(GrainStateKey key, long? expectedVersion, byte[]? payload, Action<long> written)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(written);
        return async (session, cancellationToken) =>
        {
            var changed = expectedVersion is { } expected
                ? await session.ExecuteAsync(Update, cancellationToken, key.ServiceId, key.Provider, key.GrainId, key.StateName, payload, expected)
                : await session.ExecuteAsync(Insert, cancellationToken, key.ServiceId, key.Provider, key.GrainId, key.StateName, payload);
            if (changed == 0)
            {
                throw new GrainStateConflictException(key, expectedVersion);
            }

            written(expectedVersion + 1 ?? 1);
        };
    }
}
