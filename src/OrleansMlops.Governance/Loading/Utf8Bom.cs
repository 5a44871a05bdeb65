namespace OrleansMlops.Governance.Loading;

/// <summary>
/// Editors on some platforms start UTF-8 files with a byte order mark, which JSON parsers over bytes refuse. A rule
/// set is the same with or without it, whichever way it arrives (folder or API); its hash stays over the exact bytes.
/// </summary>
internal static class Utf8Bom
{
    private static ReadOnlySpan<byte> Mark => [0xEF, 0xBB, 0xBF];

    public static byte[] Skip(byte[] content) => content.AsSpan().StartsWith(Mark) ? content[Mark.Length..] : content;
}
