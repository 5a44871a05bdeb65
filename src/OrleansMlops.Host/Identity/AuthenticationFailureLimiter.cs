using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// Slows credential guessing: a client address whose presented credentials were refused more than
/// <see cref="SecurityOptions.MaxFailedAuthenticationsPerMinute"/> times in the current minute gets 429 for the rest of
/// it, before any credential is checked.
/// </summary>
public sealed class AuthenticationFailureLimiter(RequestDelegate next, IOptions<SecurityOptions> options, TimeProvider time, ILogger<AuthenticationFailureLimiter> logger)
{
    private readonly ConcurrentDictionary<IPAddress, Window> failures = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var now = time.GetUtcNow();
        if (failures.TryGetValue(address, out var window) && window.IsCurrent(now) && window.Count >= options.Value.MaxFailedAuthenticationsPerMinute)
        {
            var retryAfter = (int)Math.Ceiling((window.Start + Window.Length - now).TotalSeconds);
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem(
                title: "Too many failed sign-ins",
                detail: $"This address presented refused credentials {window.Count} times in the last minute; try again in {retryAfter} s.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && PresentedCredentials(context.Request))
        {
            var updated = failures.AddOrUpdate(
                address,
                _ => new Window(now, 1),
                (_, current) => current.IsCurrent(now) ? current with { Count = current.Count + 1 } : new Window(now, 1));
            if (updated.Count == options.Value.MaxFailedAuthenticationsPerMinute)
            {
                IdentityLog.AuthenticationLimited(logger, address.ToString(), updated.Count);
            }

            PruneIfLarge(now);
        }
    }

    private static bool PresentedCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header);

    // Bounded memory under a spray of addresses: expired windows are dropped once the table grows.
    private void PruneIfLarge(DateTimeOffset now)
    {
        if (failures.Count < 10_000)
        {
            return;
        }

        foreach (var (address, window) in failures)
        {
            if (!window.IsCurrent(now))
            {
                failures.TryRemove(address, out _);
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Count)
    {
        public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

        public bool IsCurrent(DateTimeOffset now) => now - Start < Length;
    }
}
