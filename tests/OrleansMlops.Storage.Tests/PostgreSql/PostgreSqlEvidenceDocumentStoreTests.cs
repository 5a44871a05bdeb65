using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlEvidenceDocumentStoreTests() : EvidenceDocumentStoreTests(TestDatabases.PostgreSql)
{
    // TRUNCATE removes rows without firing row triggers.
    [Fact]
    public Task Truncate_is_refused_by_trigger() => Stored_evidence_cannot_be_changed_or_removed("TRUNCATE evidence_documents");
}
