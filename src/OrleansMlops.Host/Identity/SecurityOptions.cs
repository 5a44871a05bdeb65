using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.Host.Identity;

/// <summary>How callers prove who they are, and who holds which role from the first start.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Development mode: a signing key and service API keys are generated at first start (kept in
    /// <see cref="DevelopmentKeyFile"/>), the walkthrough's sample people and services are given their roles, their
    /// tokens are printed, and the studio offers them as one-click sign-ins. Never in production.
    /// </summary>
    public bool Development { get; set; }

    [Required]
    public string DevelopmentKeyFile { get; set; } = "state/dev-security.json";

    [Required]
    public string Issuer { get; set; } = "orleans-mlops";

    [Required]
    public string Audience { get; set; } = "orleans-mlops";

    /// <summary>The HMAC-SHA256 key people's tokens are signed with, base64, at least 32 bytes. Required outside development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Services and the SHA-256 (hex) of their API key; the keys themselves are never stored.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Principals given roles at start (bootstrap admins, service accounts); each pair is seeded once.</summary>
    public Dictionary<string, SeededPrincipalOptions> Principals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Refused credentials one client address, one credential or one claimed subject may present per minute; after that
    /// refused ones get 429. A credential that authenticates is never refused for what others did.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxFailedAuthenticationsPerMinute { get; set; } = 20;

    /// <summary>
    /// Reverse proxies (IP addresses, or networks in CIDR notation) whose <c>X-Forwarded-For</c> names the client address;
    /// from any other peer the header is ignored. Empty: the peer's own address is the client's.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>How long development tokens stay valid.</summary>
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
