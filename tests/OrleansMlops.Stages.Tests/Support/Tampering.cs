using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Stages.Tests.Support;

internal static class Tampering
{
    /// <summary>
    /// A copy of <paramref name="model"/> whose artifact is a copy of the original with one byte flipped, at a path
    /// inside <paramref name="directory"/>; the registration keeps the original SHA-256.
    /// </summary>
    public static ModelVersionView WithFlippedByte(ModelVersionView model, string originalArtifactPath, string directory)
    {
        var bytes = File.ReadAllBytes(originalArtifactPath);
        bytes[bytes.Length / 2] ^= 0xFF;
        var tampered = Path.Combine(directory, "tampered.zip");
        File.WriteAllBytes(tampered, bytes);
        return model with { Registration = model.Registration with { ArtifactUri = tampered } };
    }
}
