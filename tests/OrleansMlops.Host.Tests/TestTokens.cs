using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Tokens as the organisation's identity provider would issue them: signed with the key the test host is configured
/// with, so a test names a person and the host's role directory decides what they may do.
/// </summary>
internal static class TestTokens
{
    public static readonly string SigningKey = Convert.ToBase64String("orleans-mlops host tests signing key, 32+ bytes"u8.ToArray());

    private static readonly JsonWebTokenHandler Handler = new();

    public static string For(string principal, TimeSpan? lifetime = null, string? key = null, string issuer = "orleans-mlops", DateTime? now = null)
    {
        var issued = now ?? DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "orleans-mlops",
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, principal)]),
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
