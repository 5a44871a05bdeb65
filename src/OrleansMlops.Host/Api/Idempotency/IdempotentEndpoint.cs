using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Grains;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Idempotency;

namespace OrleansMlops.Host.Api.Idempotency;

/// <summary>
/// Requests sent with an <c>Idempotency-Key</c> header: the first attempt claims the key (per caller and endpoint) before
/// it executes, and its answer is stored before it is sent, so a retry with the same key and request gets that status
/// and body again, also after a restart. The same key with another request is a 409 naming the key; a retry while the
/// first attempt still executes is a 409 to retry after. An attempt that fails with a 5xx stores nothing and gives its
/// key up, so the retry executes, creating what the first attempt reserved (<see cref="ReservedId"/>) and no second thing.
/// </summary>
public static partial class IdempotentEndpoint
{
    public const string Header = "Idempotency-Key";

    /// <summary>Marks an answer given again from the store rather than by executing the request.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    private static readonly object ReservationKey = new();

    /// <summary>Gives the endpoint first answers by key; goes after <c>RequirePermission</c>, as keys are the caller's.</summary>
    public static TBuilder Idempotent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(Execute);
        return builder;
    }

    /// <summary>
    /// The id the key's first attempt reserved for what the request creates (a run, a report), the same in every attempt;
    /// null for a request without a key.
    /// </summary>
    public static string? ReservedId(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(ReservationKey, out var reserved) ? reserved as string : null;

    private static async ValueTask<object?> Execute(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var keys))
        {
            return await next(context);
        }

        if (keys.Count > 1 || keys[0] is not { } key || !IsValidKey(key))
        {
            return ApiProblems.BadRequest(
                $"{Header} must be one value of 1 to {MaxKeyLength} visible ASCII characters (letters, digits, punctuation; no spaces).", Header);
        }

        var services = http.RequestServices;
        var store = services.GetRequiredService<IIdempotencyStore>();
        var options = services.GetRequiredService<IOptions<IdempotencyOptions>>().Value;
        var now = services.GetRequiredService<EngineClock>().UtcNow;
        var endpoint = EndpointOf(http);
        var scope = new IdempotencyScope(Caller.Of(http.Request).Id, endpoint, key);
        var attempt = new IdempotencyAttempt(
            scope, CanonicalRequest.Sha256(context, endpoint), TimeOrderedId.New(now), now, now + options.ExecutionLease, now + options.Retention);
        var claim = await store.ClaimAsync(attempt, http.RequestAborted);
        switch (claim.Kind)
        {
            case IdempotencyClaimKind.Answered:
                return new StoredAnswerResult(claim.Answer!, replayed: true);
            case IdempotencyClaimKind.InProgress:
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(
                    title: "Request in progress",
                    detail: $"A request with {Header} '{key}' is still being executed; retry it once that one is answered.",
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["where"] = Header });
            case IdempotencyClaimKind.KeyReused:
                return TypedResults.Problem(
                    title: "Idempotency-Key reused",
                    detail: $"{Header} '{key}' was already used by '{scope.PrincipalId}' for a different request to {endpoint}; "
                        + "send a new key for a new request.",
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["where"] = Header });
            default:
                return await ExecuteClaimed(context, next, store, scope, claim);
        }
    }

    private static async Task<object?> ExecuteClaimed(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, IIdempotencyStore store, IdempotencyScope scope, IdempotencyClaim claim)
    {
        var http = context.HttpContext;
        http.Items[ReservationKey] = claim.ReservedId;
        IdempotentAnswer answer;
        try
        {
            answer = await Capture(http, await next(context));
        }
        catch (Exception failure)
        {
            // The exception handler answers with a 5xx or a refusal made before anything executed: nothing to keep.
            await GiveUp(http, store, scope, claim, failure);
            throw;
        }

        if (answer.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await GiveUp(http, store, scope, claim, failure: null);
        }
        else if (!await store.AnswerAsync(scope, claim.ClaimId!, answer, CancellationToken.None))
        {
            // This attempt outlived its lease and a retry took the key over: that retry's answer is the one kept.
            LeaseLost(Logger(http), scope.Key, scope.Endpoint, scope.PrincipalId);
        }

        return new StoredAnswerResult(answer, replayed: false);
    }

    /// <summary>Runs the endpoint's result into a buffer, so the answer stored is byte for byte the one sent.</summary>
    private static async Task<IdempotentAnswer> Capture(HttpContext http, object? result)
    {
        var executable = result as IResult ?? TypedResults.Ok(result);
        var response = http.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await executable.ExecuteAsync(http);
        }
        finally
        {
            response.Body = body;
        }

        var location = response.Headers.Location.ToString();
        return new IdempotentAnswer(response.StatusCode, response.ContentType, location.Length == 0 ? null : location, buffer.ToArray());
    }

    private static async Task GiveUp(HttpContext http, IIdempotencyStore store, IdempotencyScope scope, IdempotencyClaim claim, Exception? failure)
    {
        try
        {
            await store.ReleaseAsync(scope, claim.ClaimId!, CancellationToken.None);
        }
        catch (Exception e) when (failure is not null)
        {
            // The request's own failure is what the caller must see; the key frees itself when the lease runs out.
            ReleaseFailed(Logger(http), e, scope.Key, scope.Endpoint, scope.PrincipalId);
        }
    }

    private static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    private static string EndpointOf(HttpContext http) =>
        $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value}";

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdempotentEndpoint).FullName!);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning,
        Message = "The request with Idempotency-Key {IdempotencyKey} to {Endpoint} by {PrincipalId} outlived its lease; a retry's answer is kept instead")]
    private static partial void LeaseLost(ILogger logger, string idempotencyKey, string endpoint, string principalId);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning,
        Message = "Could not give up Idempotency-Key {IdempotencyKey} to {Endpoint} by {PrincipalId} after a failure; retries wait for its lease to run out")]
    private static partial void ReleaseFailed(ILogger logger, Exception exception, string idempotencyKey, string endpoint, string principalId);
}
