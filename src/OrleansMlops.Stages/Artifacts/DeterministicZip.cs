using System.IO.Compression;

namespace OrleansMlops.Stages.Artifacts;

/// <summary>
/// Rewrites a zip archive in a canonical form: same entries in the same order, every timestamp fixed, no compression.
/// ML.NET stamps each entry with the time of saving, so two identical trainings would otherwise hash differently.
/// Entries are stored uncompressed so the bytes do not depend on the zlib build of the runtime either.
/// </summary>
public static class DeterministicZip
{
    /// <summary>The earliest time a zip (DOS) timestamp can hold.</summary>
    public static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Canonicalize(ReadOnlySpan<byte> zip)
    {
        using var source = new ZipArchive(new MemoryStream(zip.ToArray(), writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression);
                copy.LastWriteTime = FixedTimestamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
