using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// Signs bearer tokens with the key in force. Production tokens come from the organisation's identity provider with the
/// same issuer, audience and key; this issuer serves development sign-in and tests.
/// </summary>
public sealed class TokenIssuer(SecurityKeys keys, IOptions<SecurityOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    public string Issue(string principal, TimeSpan? lifetime = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, principal)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? options.Value.DevelopmentTokenLifetime),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
