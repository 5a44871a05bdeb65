using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansMlops.Resilience.Tests;

/// <summary>Bearer tokens signed with the key the host processes are configured with.</summary>
internal static class Tokens
{
    public static readonly string SigningKey = Convert.ToBase64String("orleans-mlops resilience tests signing key, 32+ bytes"u8.ToArray());

    private static readonly JsonWebTokenHandler Handler = new();

    public static HttpClient SignedInAs(this HttpClient http, string principal)
    {
        var now = DateTime.UtcNow;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "orleans-mlops",
            Audience = "orleans-mlops",
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, principal)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(4),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
