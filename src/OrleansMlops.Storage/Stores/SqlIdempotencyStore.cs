using System.Data.Common;
using Dapper;
using OrleansMlops.Storage.Idempotency;

namespace OrleansMlops.Storage.Stores;

/// <summary>
/// First answers by key in <c>idempotency_keys</c>. Each step of a claim is one statement, so of two attempts racing
/// for a key exactly one inserts it or takes it over: the primary key and the conditions in the statements decide, on
/// SQLite and PostgreSQL alike.
/// </summary>
public sealed class SqlIdempotencyStore(DbDataSource dataSource) : IIdempotencyStore
{
    private const string Key = "principal_id = @PrincipalId AND endpoint = @Endpoint AND idempotency_key = @Key";

    private const string Forget = $"DELETE FROM idempotency_keys WHERE {Key} AND expires_at <= @Now";

    private const string Insert =
        "INSERT INTO idempotency_keys (principal_id, endpoint, idempotency_key, request_sha256, reserved_id, claim_id, "
        + "lease_until, created_at, expires_at) "
        + "VALUES (@PrincipalId, @Endpoint, @Key, @RequestSha256, @ReservedId, @ClaimId, @LeaseUntil, @Now, @ExpiresAt) "
        + "ON CONFLICT (principal_id, endpoint, idempotency_key) DO NOTHING";

    // Only the same request takes over, and only a claim nobody holds: given up, or its attempt's lease ran out.
    private const string TakeOver =
        $"UPDATE idempotency_keys SET claim_id = @ClaimId, lease_until = @LeaseUntil WHERE {Key} "
        + "AND status_code IS NULL AND request_sha256 = @RequestSha256 AND (lease_until IS NULL OR lease_until <= @Now)";

    private const string Select =
        "SELECT request_sha256 AS RequestSha256, reserved_id AS ReservedId, claim_id AS ClaimId, lease_until AS LeaseUntil, "
        + "status_code AS StatusCode, content_type AS ContentType, location AS Location, body AS Body "
        + $"FROM idempotency_keys WHERE {Key}";

    private const string Answer =
        "UPDATE idempotency_keys SET status_code = @StatusCode, content_type = @ContentType, location = @Location, body = @Body, "
        + $"lease_until = NULL WHERE {Key} AND claim_id = @ClaimId AND status_code IS NULL";

    private const string Release =
        $"UPDATE idempotency_keys SET lease_until = NULL WHERE {Key} AND claim_id = @ClaimId AND status_code IS NULL";

    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var claimId = Guid.NewGuid().ToString("N");
        var parameters = new
        {
            attempt.Scope.PrincipalId,
            attempt.Scope.Endpoint,
            attempt.Scope.Key,
            attempt.RequestSha256,
            attempt.ReservedId,
            ClaimId = claimId,
            LeaseUntil = UtcTimestamp.Format(attempt.LeaseUntil),
            Now = UtcTimestamp.Format(attempt.Now),
            ExpiresAt = UtcTimestamp.Format(attempt.ExpiresAt),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            await connection.ExecuteAsync(new CommandDefinition(Forget, parameters, cancellationToken: cancellationToken));
            if (await connection.ExecuteAsync(new CommandDefinition(Insert, parameters, cancellationToken: cancellationToken)) == 1)
            {
                return new IdempotencyClaim(IdempotencyClaimKind.Claimed, attempt.ReservedId, claimId);
            }

            await connection.ExecuteAsync(new CommandDefinition(TakeOver, parameters, cancellationToken: cancellationToken));
            var row = await connection.QuerySingleOrDefaultAsync<IdempotencyRow>(
                new CommandDefinition(Select, parameters, cancellationToken: cancellationToken));
            if (row is not null)
            {
                return Of(row, attempt, claimId);
            }

            // The key expired and was purged between the insert and the read: claim it afresh.
        }
    }

    public async Task<bool> AnswerAsync(IdempotencyScope scope, string claimId, IdempotentAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.StatusCode is < 100 or >= 500)
        {
            throw new ArgumentException($"Only answers below 500 are kept; got {answer.StatusCode}.", nameof(answer));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            Answer,
            new
            {
                scope.PrincipalId,
                scope.Endpoint,
                scope.Key,
                ClaimId = claimId,
                StatusCode = (long)answer.StatusCode,
                answer.ContentType,
                answer.Location,
                answer.Body,
            },
            cancellationToken: cancellationToken));
        return updated == 1;
    }

    public async Task ReleaseAsync(IdempotencyScope scope, string claimId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            Release, new { scope.PrincipalId, scope.Endpoint, scope.Key, ClaimId = claimId }, cancellationToken: cancellationToken));
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE expires_at <= @Now", new { Now = UtcTimestamp.Format(now) }, cancellationToken: cancellationToken));
    }

    private static IdempotencyClaim Of(IdempotencyRow row, IdempotencyAttempt attempt, string claimId)
    {
        if (row.ClaimId == claimId)
        {
            return new IdempotencyClaim(IdempotencyClaimKind.Claimed, row.ReservedId, claimId);
        }

        if (row.RequestSha256 != attempt.RequestSha256)
        {
            return new IdempotencyClaim(IdempotencyClaimKind.KeyReused, row.ReservedId);
        }

        return row.StatusCode is { } status
            ? new IdempotencyClaim(
                IdempotencyClaimKind.Answered, row.ReservedId, Answer: new IdempotentAnswer((int)status, row.ContentType, row.Location, row.Body ?? []))
            : new IdempotencyClaim(
                IdempotencyClaimKind.InProgress, row.ReservedId, LeaseUntil: row.LeaseUntil is null ? null : UtcTimestamp.Parse(row.LeaseUntil));
    }
}
