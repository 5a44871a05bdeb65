using System.Security.Cryptography;

namespace OrleansMlops.Stages.Artifacts;

/// <summary>SHA-256 as lowercase hexadecimal, the form used in artifact addresses and lineage.</summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static bool IsValid(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
