using System.Security.Cryptography;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteEvidenceDocumentStoreTests() : EvidenceDocumentStoreTests(TestDatabases.Sqlite)
{
    [Fact]
    public async Task A_document_stored_with_a_z_suffixed_time_still_reads_back()
    {
        // Before the stores shared one timestamp text, evidence times were written as "…Z" rather than "…+00:00".
        await using var database = await Databases.CreateWithSchemaAsync();
        byte[] content = [1, 2, 3];
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await database.ExecuteAsync(
            "INSERT INTO evidence_documents (sha256, file_name, media_type, content, stored_at) "
            + "VALUES (@Sha256, 'card.md', 'text/markdown', @Content, '2026-12-01T09:00:00.0000000Z')",
            new { Sha256 = sha256, Content = content });

        var read = await new SqlEvidenceDocumentStore(database.DataSource).GetAsync(sha256, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), read?.StoredAt);
    }
}
