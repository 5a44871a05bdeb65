using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using OrleansMlops.Storage.Evidence;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>
/// Approved evidence is kept byte for byte under its SHA-256, never changed, never removed; a subclass per database runs
/// these tests against it.
/// </summary>
public abstract class EvidenceDocumentStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private protected EvidenceDocumentStoreTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    private static StoredDocument Document(string text, string fileName = "model-card.md")
    {
        var content = Encoding.UTF8.GetBytes(text);
        return new StoredDocument(Convert.ToHexStringLower(SHA256.HashData(content)), fileName, "text/markdown; charset=utf-8", content, T0);
    }

    [Fact]
    public async Task Documents_are_read_back_byte_for_byte_by_their_hash_and_stored_once()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlEvidenceDocumentStore(database.DataSource);
        var card = Document("# Model card\n\ncredit-risk v1\n");
        var annex = Document("<html>annex</html>", "annex-iv.html");

        await store.PutAsync([card, annex], CancellationToken.None);
        await store.PutAsync([card with { StoredAt = T0.AddDays(1) }], CancellationToken.None);

        var read = await store.GetAsync(card.Sha256.ToUpperInvariant(), CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(card.Content, read.Content);
        Assert.Equal((card.FileName, card.MediaType, T0), (read.FileName, read.MediaType, read.StoredAt));
        Assert.Equal(
            "2026-12-01T09:00:00.0000000+00:00",
            await database.ScalarAsync<string>("SELECT stored_at FROM evidence_documents WHERE sha256 = @Sha256", new { card.Sha256 }));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM evidence_documents"));
        Assert.Null(await store.GetAsync(new string('0', 64), CancellationToken.None));
    }

    [Fact]
    public async Task A_document_whose_bytes_do_not_match_its_hash_is_refused_and_nothing_is_stored()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlEvidenceDocumentStore(database.DataSource);
        var honest = Document("honest");
        var forged = Document("forged") with { Sha256 = Document("something else").Sha256 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync([honest, forged], CancellationToken.None));

        Assert.Contains("but its bytes hash to", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM evidence_documents"));
    }

    [Theory]
    [InlineData("UPDATE evidence_documents SET file_name = 'forged.md'")]
    [InlineData("DELETE FROM evidence_documents")]
    public async Task Stored_evidence_cannot_be_changed_or_removed(string sql)
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        await new SqlEvidenceDocumentStore(database.DataSource).PutAsync([Document("approved")], CancellationToken.None);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }
}
