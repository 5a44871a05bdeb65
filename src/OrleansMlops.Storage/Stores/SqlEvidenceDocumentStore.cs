using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using OrleansMlops.Storage.Evidence;

namespace OrleansMlops.Storage.Stores;

/// <summary>Frozen evidence documents in the append-only <c>evidence_documents</c> table, on SQLite or PostgreSQL.</summary>
public sealed class SqlEvidenceDocumentStore(DbDataSource dataSource) : IEvidenceDocumentStore
{
    private const string Insert =
        "INSERT INTO evidence_documents (sha256, file_name, media_type, content, stored_at) "
        + "VALUES (@Sha256, @FileName, @MediaType, @Content, @StoredAt) ON CONFLICT (sha256) DO NOTHING";

    private const string Select =
        "SELECT sha256 AS Sha256, file_name AS FileName, media_type AS MediaType, content AS Content, stored_at AS StoredAt "
        + "FROM evidence_documents WHERE sha256 = @Sha256";

    public async Task PutAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(document.Content));
            if (actual != document.Sha256)
            {
                throw new ArgumentException($"Document '{document.FileName}' claims SHA-256 {document.Sha256} but its bytes hash to {actual}.", nameof(documents));
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var document in documents)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Insert,
                new
                {
                    document.Sha256,
                    document.FileName,
                    document.MediaType,
                    document.Content,
                    StoredAt = UtcTimestamp.Format(document.StoredAt),
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredDocument?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Select, new { Sha256 = sha256.ToLowerInvariant() }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredDocument(row.Sha256, row.FileName, row.MediaType, row.Content, UtcTimestamp.Parse(row.StoredAt));
    }

    private sealed record Row(string Sha256, string FileName, string MediaType, byte[] Content, string StoredAt);
}
