using System.Security.Cryptography;

namespace OrleansMlops.Governance.Loading;

/// <summary>Identifies a rule set version by its exact bytes: lowercase hex SHA-256 of the file.</summary>
internal static class ContentHash
{
    public static string Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
