using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// The credential a request presents, as the sign-in limiter keeps it: the SHA-256 of the header (never the secret
/// itself) and, for a bearer token that reads as a JWT, the subject it claims, unverified: only a key to count by.
/// </summary>
internal sealed record PresentedCredential(string Hash, string? ClaimedSubject)
{
    public static PresentedCredential? Of(HttpRequest request)
    {
        var apiKey = request.Headers[ApiKeyAuthenticationHandler.Header].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (apiKey.Length == 0 && authorization.Length == 0)
        {
            return null;
        }

        // The API key wins when both are sent, as it does in authentication (SecurityExtensions' scheme selector).
        var presented = apiKey.Length > 0 ? $"{ApiKeyAuthenticationHandler.Header} {apiKey}" : $"{HeaderNames.Authorization} {authorization}";
        var subject = apiKey.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? SubjectOf(authorization["Bearer ".Length..].Trim())
            : null;
        return new PresentedCredential(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented))), subject);
    }

    private static readonly JsonWebTokenHandler Tokens = new();

    private static string? SubjectOf(string token)
    {
        if (!Tokens.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return Tokens.ReadJsonWebToken(token).Subject is { } subject && PrincipalIds.IsValid(subject) ? subject : null;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return null;
        }
    }
}
