using System.Text;
using OrleansMlops.Storage.Idempotency;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>
/// First answers by Idempotency-Key: one attempt executes, retries get its answer, a failed attempt leaves the key to
/// the next with the id it reserved; a subclass per database runs these tests against it.
/// </summary>
public abstract class IdempotencyStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly IdempotencyScope Alice = new("alice", "POST /api/runs", "key-1");

    private static readonly IdempotentAnswer Created = new(201, "application/json; charset=utf-8", "/api/runs/run-1", Encoding.UTF8.GetBytes("{\"runId\":\"run-1\"}"));

    private protected IdempotencyStoreTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    private static IdempotencyAttempt Attempt(
        IdempotencyScope? scope = null, char request = 'a', string reservedId = "run-1", TimeSpan? at = null, TimeSpan? lease = null)
    {
        var now = T0 + (at ?? TimeSpan.Zero);
        return new(scope ?? Alice, new string(request, 64), reservedId, now, now + (lease ?? TimeSpan.FromMinutes(2)), T0.AddHours(24));
    }

    [Fact]
    public async Task The_first_attempt_executes_its_retries_get_its_answer_and_a_different_request_under_the_key_is_refused()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlIdempotencyStore(database.DataSource);

        var first = await store.ClaimAsync(Attempt(), CancellationToken.None);
        var whileExecuting = await store.ClaimAsync(Attempt(reservedId: "run-2"), CancellationToken.None);
        Assert.True(await store.AnswerAsync(Alice, first.ClaimId!, Created, CancellationToken.None));
        var retry = await store.ClaimAsync(Attempt(reservedId: "run-3", at: TimeSpan.FromHours(1)), CancellationToken.None);
        var otherRequest = await store.ClaimAsync(Attempt(request: 'b', reservedId: "run-4"), CancellationToken.None);

        Assert.Equal((IdempotencyClaimKind.Claimed, "run-1"), (first.Kind, first.ReservedId));
        Assert.Equal(IdempotencyClaimKind.InProgress, whileExecuting.Kind);
        Assert.Equal(T0.AddMinutes(2), whileExecuting.LeaseUntil);
        Assert.Equal(IdempotencyClaimKind.Answered, retry.Kind);
        Assert.Equal((201, "application/json; charset=utf-8", "/api/runs/run-1"), (retry.Answer!.StatusCode, retry.Answer.ContentType, retry.Answer.Location));
        Assert.Equal(Created.Body, retry.Answer.Body);
        Assert.Equal(IdempotencyClaimKind.KeyReused, otherRequest.Kind);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys"));
    }

    [Fact]
    public async Task A_key_belongs_to_one_caller_and_one_endpoint()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlIdempotencyStore(database.DataSource);
        await store.ClaimAsync(Attempt(), CancellationToken.None);

        var bob = await store.ClaimAsync(Attempt(Alice with { PrincipalId = "bob" }, request: 'b', reservedId: "run-2"), CancellationToken.None);
        var promote = await store.ClaimAsync(Attempt(Alice with { Endpoint = "POST /api/models/{name}/versions/{version}/promote" }, request: 'c', reservedId: "run-3"), CancellationToken.None);

        Assert.Equal((IdempotencyClaimKind.Claimed, "run-2"), (bob.Kind, bob.ReservedId));
        Assert.Equal((IdempotencyClaimKind.Claimed, "run-3"), (promote.Kind, promote.ReservedId));
    }

    [Fact]
    public async Task A_claim_given_up_after_a_failure_is_taken_over_with_the_id_the_first_attempt_reserved()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlIdempotencyStore(database.DataSource);
        var failed = await store.ClaimAsync(Attempt(), CancellationToken.None);

        await store.ReleaseAsync(Alice, failed.ClaimId!, CancellationToken.None);
        var retry = await store.ClaimAsync(Attempt(reservedId: "run-2"), CancellationToken.None);

        Assert.Equal((IdempotencyClaimKind.Claimed, "run-1"), (retry.Kind, retry.ReservedId));
        Assert.NotEqual(failed.ClaimId, retry.ClaimId);
        Assert.False(await store.AnswerAsync(Alice, failed.ClaimId!, Created, CancellationToken.None));
        Assert.True(await store.AnswerAsync(Alice, retry.ClaimId!, Created, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_and_the_stalled_attempt_can_no_longer_answer()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlIdempotencyStore(database.DataSource);
        var stalled = await store.ClaimAsync(Attempt(), CancellationToken.None);

        var beforeLeaseEnds = await store.ClaimAsync(Attempt(at: TimeSpan.FromSeconds(119)), CancellationToken.None);
        var afterLeaseEnds = await store.ClaimAsync(Attempt(reservedId: "run-2", at: TimeSpan.FromMinutes(2)), CancellationToken.None);

        Assert.Equal(IdempotencyClaimKind.InProgress, beforeLeaseEnds.Kind);
        Assert.Equal((IdempotencyClaimKind.Claimed, "run-1"), (afterLeaseEnds.Kind, afterLeaseEnds.ReservedId));
        Assert.False(await store.AnswerAsync(Alice, stalled.ClaimId!, Created, CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_key_is_forgotten_and_purged()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlIdempotencyStore(database.DataSource);
        var first = await store.ClaimAsync(Attempt(), CancellationToken.None);
        await store.AnswerAsync(Alice, first.ClaimId!, Created, CancellationToken.None);
        await store.ClaimAsync(Attempt(Alice with { Key = "key-2" }), CancellationToken.None);

        var reusedAfterExpiry = await store.ClaimAsync(
            Attempt(request: 'b', reservedId: "run-2", at: TimeSpan.FromHours(24)) with { ExpiresAt = T0.AddHours(48) }, CancellationToken.None);
        var purged = await store.PurgeExpiredAsync(T0.AddHours(24), CancellationToken.None);

        Assert.Equal((IdempotencyClaimKind.Claimed, "run-2"), (reusedAfterExpiry.Kind, reusedAfterExpiry.ReservedId));
        Assert.Equal(1, purged);
        Assert.Equal("key-1", await database.ScalarAsync<string>("SELECT idempotency_key FROM idempotency_keys"));
    }

    [Fact]
    public async Task Of_concurrent_attempts_of_one_request_exactly_one_executes()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlIdempotencyStore(database.DataSource);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.ClaimAsync(Attempt(reservedId: $"run-{i}"), CancellationToken.None))));

        var executing = Assert.Single(claims, c => c.Kind == IdempotencyClaimKind.Claimed);
        Assert.All(claims.Where(c => c != executing), c => Assert.Equal(IdempotencyClaimKind.InProgress, c.Kind));
        Assert.All(claims, c => Assert.Equal(executing.ReservedId, c.ReservedId));
    }

    [Fact]
    public async Task Only_answers_below_500_are_kept()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlIdempotencyStore(database.DataSource);
        var claim = await store.ClaimAsync(Attempt(), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AnswerAsync(Alice, claim.ClaimId!, Created with { StatusCode = 503 }, CancellationToken.None));

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE status_code IS NOT NULL"));
    }
}
