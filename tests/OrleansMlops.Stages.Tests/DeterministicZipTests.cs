using System.IO.Compression;
using OrleansMlops.Stages.Artifacts;

namespace OrleansMlops.Stages.Tests;

public sealed class DeterministicZipTests
{
    [Fact]
    public void Archives_differing_only_in_timestamps_become_identical()
    {
        var morning = Zip(new DateTimeOffset(2025, 1, 2, 8, 0, 0, TimeSpan.Zero));
        var evening = Zip(new DateTimeOffset(2025, 6, 7, 20, 15, 42, TimeSpan.Zero));
        Assert.NotEqual(morning, evening);

        Assert.Equal(DeterministicZip.Canonicalize(morning), DeterministicZip.Canonicalize(evening));
    }

    [Fact]
    public void Canonical_form_keeps_entries_and_contents_in_order_with_fixed_timestamps()
    {
        var canonical = DeterministicZip.Canonicalize(Zip(new DateTimeOffset(2025, 1, 2, 8, 0, 0, TimeSpan.Zero)));

        using var archive = new ZipArchive(new MemoryStream(canonical), ZipArchiveMode.Read);
        Assert.Equal(["b/second.txt", "a/first.txt"], archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.Equal(DeterministicZip.FixedTimestamp.DateTime, e.LastWriteTime.DateTime));
        using var reader = new StreamReader(archive.Entries[1].Open());
        Assert.Equal("first", reader.ReadToEnd());
        Assert.Equal(canonical, DeterministicZip.Canonicalize(canonical));
    }

    private static byte[] Zip(DateTimeOffset timestamp)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("b/second.txt", "second"), ("a/first.txt", "first") })
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = timestamp;
                using var writer = new StreamWriter(entry.Open());
                writer.Write(text);
            }
        }

        return output.ToArray();
    }
}
