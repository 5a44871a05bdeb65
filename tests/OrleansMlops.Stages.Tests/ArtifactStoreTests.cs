using System.Security.Cryptography;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Tests.Support;

namespace OrleansMlops.Stages.Tests;

public sealed class ArtifactStoreTests : IDisposable
{
    private static readonly byte[] Content = "model bytes"u8.ToArray();

    private readonly TemporaryDirectory _directory = new();

    private readonly ArtifactStore _store;

    public ArtifactStoreTests() => _store = new StageRig(_directory.Path).Store;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Put_stores_the_bytes_at_their_sha256_address()
    {
        var stored = await _store.PutAsync(Content, ".zip", CancellationToken.None);

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Content));
        Assert.Equal(expectedHash, stored.Sha256);
        Assert.Equal(Path.Combine(_directory.Path, "artifacts", "sha256", expectedHash + ".zip"), stored.FullPath);
        Assert.Equal($"artifacts/sha256/{expectedHash}.zip", stored.Uri);
        Assert.Equal(Content, await File.ReadAllBytesAsync(stored.FullPath));
        Assert.Single(Directory.GetFiles(_store.RootDirectory));
    }

    [Fact]
    public async Task Put_again_is_harmless_and_repairs_a_damaged_copy()
    {
        var first = await _store.PutAsync(Content, ".zip", CancellationToken.None);
        await File.WriteAllBytesAsync(first.FullPath, "damaged"u8.ToArray());

        var second = await _store.PutAsync(Content, ".zip", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(Content, await File.ReadAllBytesAsync(second.FullPath));
        Assert.Single(Directory.GetFiles(_store.RootDirectory));
    }

    [Fact]
    public async Task Read_verified_returns_intact_bytes()
    {
        var stored = await _store.PutAsync(Content, ".zip", CancellationToken.None);

        Assert.Equal(Content, await _store.ReadVerifiedAsync(stored.Uri, stored.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task Read_verified_refuses_a_flipped_byte_naming_both_hashes()
    {
        var stored = await _store.PutAsync(Content, ".zip", CancellationToken.None);
        var tampered = Content.ToArray();
        tampered[0] ^= 0x01;
        await File.WriteAllBytesAsync(stored.FullPath, tampered);

        var error = await Assert.ThrowsAsync<StageException>(
            () => _store.ReadVerifiedAsync(stored.Uri, stored.Sha256, CancellationToken.None));

        Assert.Equal(
            $"Model artifact '{stored.Uri}' failed its integrity check and was refused: expected SHA-256 {stored.Sha256}, "
            + $"actual {Sha256Hex.Of(tampered)}.",
            error.Message);
        Assert.True(error.NeedsIntervention, "a tampered artifact is fixed by restoring it, not by retrying on a timer");
    }

    [Fact]
    public async Task Read_verified_reports_a_missing_artifact()
    {
        var error = await Assert.ThrowsAsync<StageException>(
            () => _store.ReadVerifiedAsync("artifacts/sha256/none.zip", new string('a', 64), CancellationToken.None));

        Assert.StartsWith("Model artifact 'artifacts/sha256/none.zip' was not found at ", error.Message, StringComparison.Ordinal);
        Assert.True(error.NeedsIntervention, "a missing artifact is fixed by restoring it, not by retrying on a timer");
    }

    [Fact]
    public async Task Read_verified_refuses_a_malformed_expected_hash()
    {
        var error = await Assert.ThrowsAsync<StageException>(
            () => _store.ReadVerifiedAsync("artifacts/sha256/x.zip", "abc", CancellationToken.None));

        Assert.Equal("The registered artifact SHA-256 'abc' is not 64 hexadecimal digits.", error.Message);
    }

    [Fact]
    public void Uris_outside_the_base_directory_are_file_uris_that_resolve_back()
    {
        var outside = Path.Combine(Path.GetTempPath(), "elsewhere", "model.zip");

        var uri = _store.ToUri(outside);

        Assert.StartsWith("file:", uri, StringComparison.Ordinal);
        Assert.Equal(outside, _store.ResolveUri(uri));
    }
}
