using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Stages.Artifacts;

/// <summary>
/// A content-addressed file store: an artifact lives at <c>&lt;ArtifactDirectory&gt;/sha256/&lt;hex&gt;&lt;extension&gt;</c>,
/// where hex is the SHA-256 of its bytes. Storing the same bytes again is a no-op, so a rerun after a crash is harmless.
/// </summary>
public sealed class ArtifactStore
{
    private readonly StagesOptions _options;

    public ArtifactStore(IOptions<StagesOptions> options)
    {
        _options = options.Value;
        RootDirectory = Path.Combine(_options.ResolvePath(_options.ArtifactDirectory), "sha256");
    }

    /// <summary>The directory holding the artifacts, named after the hash algorithm of their addresses.</summary>
    public string RootDirectory { get; }

    public string PathOf(string sha256, string extension) => Path.Combine(RootDirectory, sha256 + extension);

    /// <summary>Stores <paramref name="content"/> under its SHA-256; writes a temporary file and renames it, so a reader never sees a partial artifact.</summary>
    public async Task<StoredArtifact> PutAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken)
    {
        var sha256 = Sha256Hex.Of(content.Span);
        var path = PathOf(sha256, extension);
        var stored = new StoredArtifact(sha256, path, ToUri(path));

        // An intact copy from an earlier attempt is kept; a damaged one is replaced below.
        if (File.Exists(path) && Sha256Hex.Of(await File.ReadAllBytesAsync(path, cancellationToken)) == sha256)
        {
            return stored;
        }

        Directory.CreateDirectory(RootDirectory);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return stored;
    }

    /// <summary>
    /// Reads the artifact at <paramref name="uri"/> and returns its bytes only when their SHA-256 is
    /// <paramref name="expectedSha256"/>. Callers use the returned bytes, never the file again, so what was checked is what is used.
    /// </summary>
    public async Task<byte[]> ReadVerifiedAsync(string uri, string expectedSha256, CancellationToken cancellationToken)
    {
        var expected = expectedSha256?.ToLowerInvariant();
        if (!Sha256Hex.IsValid(expected))
        {
            throw new StageException($"The registered artifact SHA-256 '{expectedSha256}' is not 64 hexadecimal digits.");
        }

        var path = ResolveUri(uri);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StageException($"Model artifact '{uri}' was not found at '{path}'.", ex) { NeedsIntervention = true };
        }

        var actual = Sha256Hex.Of(content);
        if (actual != expected)
        {
            throw new StageException(
                $"Model artifact '{uri}' failed its integrity check and was refused: expected SHA-256 {expected}, actual {actual}.")
            {
                NeedsIntervention = true,
            };
        }

        return content;
    }

    /// <summary>A path relative to the base directory when the store lies below it, so registrations do not depend on where the checkout is; a <c>file:</c> URI otherwise.</summary>
    public string ToUri(string fullPath)
    {
        var portable = _options.ToPortablePath(fullPath);
        return Path.IsPathRooted(portable) ? new Uri(fullPath).AbsoluteUri : portable;
    }

    /// <summary>The file path of an artifact URI: a <c>file:</c> URI, an absolute path, or a path relative to the base directory.</summary>
    public string ResolveUri(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new StageException("The model registration has no artifact URI.");
        }

        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile)
        {
            return absolute.LocalPath;
        }

        return _options.ResolvePath(uri);
    }
}
