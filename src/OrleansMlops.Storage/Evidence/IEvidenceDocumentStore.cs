namespace OrleansMlops.Storage.Evidence;

/// <summary>
/// Evidence documents as they were approved, content-addressed: the audit trail records the hashes, this store keeps
/// the bytes, so an auditor can fetch exactly what was signed off and check it against the trail.
/// </summary>
public interface IEvidenceDocumentStore
{
    /// <summary>Stores the documents; one already stored (same SHA-256) is kept as it is. The hash is checked first.</summary>
    Task PutAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken);

    /// <summary>The document with this SHA-256, or null.</summary>
    Task<StoredDocument?> GetAsync(string sha256, CancellationToken cancellationToken);
}
