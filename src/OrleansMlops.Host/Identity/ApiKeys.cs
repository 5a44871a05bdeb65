using System.Security.Cryptography;
using System.Text;

namespace OrleansMlops.Host.Identity;

/// <summary>API keys: generated with a recognisable prefix (so log redaction and secret scanners find them), stored as SHA-256.</summary>
public static class ApiKeys
{
    public const string Prefix = "mlops_";

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
