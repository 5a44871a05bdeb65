using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// Cuts off clients that keep presenting refused credentials without locking out anyone who signs in properly (the size
/// of the secrets, not this limit, is what keeps guessing hopeless). A presented credential is checked first; one that
/// authenticates goes through, whatever others did from the same address. One that is refused counts against its client
/// address, its own hash and the subject it claims, and gets 429 instead of 401 once any of them was refused
/// <see cref="SecurityOptions.MaxFailedAuthenticationsPerMinute"/> times in the current minute. A credential refused
/// that often is not even checked again until the minute ends.
/// </summary>
public sealed class AuthenticationFailureLimiter(RequestDelegate next, IOptions<SecurityOptions> options, TimeProvider time, ILogger<AuthenticationFailureLimiter> logger)
{
    private readonly FailureWindows _addresses = new();
    private readonly FailureWindows _credentials = new();
    private readonly FailureWindows _subjects = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (PresentedCredential.Of(context.Request) is not { } credential)
        {
            await next(context);
            return;
        }

        var now = time.GetUtcNow();
        var knownToFail = _credentials.At(credential.Hash, now).Count >= options.Value.MaxFailedAuthenticationsPerMinute;
        if (!knownToFail && (await context.AuthenticateAsync()).Succeeded)
        {
            await next(context);
            return;
        }

        // Every refusal counts against each of its keys, so a guesser is not let off one key because another cut it off.
        var address = (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
        var byAddress = Refused(_addresses, address, $"address {address}", now, n => $"This address presented refused credentials {n} times in the last minute");
        var byCredential = Refused(_credentials, credential.Hash, $"credential sha256:{credential.Hash[..12]}", now, n => $"This credential was refused {n} times in the last minute");
        var bySubject = credential.ClaimedSubject is { } subject
            ? Refused(_subjects, subject, $"subject {subject}", now, n => $"Credentials naming '{subject}' were refused {n} times in the last minute")
            : null;
        if ((byAddress ?? byCredential ?? bySubject) is { } cutOff)
        {
            await TooMany(context, cutOff.Window, now, cutOff.Detail);
            return;
        }

        await next(context);
    }

    /// <summary>Counts the failure against <paramref name="key"/>; says why when the key had already reached the limit.</summary>
    private (FailureWindows.Window Window, string Detail)? Refused(
        FailureWindows windows, string key, string loggedAs, DateTimeOffset now, Func<int, string> detail)
    {
        var limit = options.Value.MaxFailedAuthenticationsPerMinute;
        var window = windows.Add(key, now);
        if (window.Count == limit)
        {
            IdentityLog.AuthenticationLimited(logger, loggedAs, window.Count);
        }

        return window.Count > limit ? (window, detail(window.Count - 1)) : null;
    }

    private static async Task TooMany(HttpContext context, FailureWindows.Window window, DateTimeOffset now, string detail)
    {
        var retryAfter = window.SecondsLeft(now);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            title: "Too many failed sign-ins",
            detail: $"{detail}; try again in {retryAfter} s.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}
