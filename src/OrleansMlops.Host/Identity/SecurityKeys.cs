using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// The key material in force: the configured signing key and API key hashes, or in development mode the generated
/// ones. Resolved once at start.
/// </summary>
public sealed class SecurityKeys
{
    private readonly FrozenDictionary<string, string> principalByKeyHash;

    public SecurityKeys(IOptions<SecurityOptions> options, IHostEnvironment environment)
    {
        var security = options.Value;
        var hashes = security.ApiKeys.ToDictionary(k => k.Sha256.ToLowerInvariant(), k => k.Id, StringComparer.Ordinal);
        if (security.Development)
        {
            Development = DevelopmentSecrets.LoadOrCreate(Path.GetFullPath(security.DevelopmentKeyFile, environment.ContentRootPath));
            foreach (var (service, key) in Development.ApiKeys)
            {
                hashes[ApiKeys.Hash(key)] = service;
            }
        }

        var signingKey = security.SigningKey is { Length: > 0 } configured ? configured : Development!.SigningKey;
        SigningKey = new SymmetricSecurityKey(Convert.FromBase64String(signingKey)) { KeyId = "mlops-hs256" };
        principalByKeyHash = hashes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public SymmetricSecurityKey SigningKey { get; }

    /// <summary>The generated secrets in development mode; null otherwise.</summary>
    public DevelopmentSecrets? Development { get; }

    /// <summary>The service a presented API key belongs to, compared in constant time against every known hash.</summary>
    public string? ServiceFor(string presentedKey)
    {
        var presented = Encoding.ASCII.GetBytes(ApiKeys.Hash(presentedKey));
        string? match = null;
        foreach (var (hash, principal) in principalByKeyHash)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(hash)))
            {
                match = principal;
            }
        }

        return match;
    }
}
