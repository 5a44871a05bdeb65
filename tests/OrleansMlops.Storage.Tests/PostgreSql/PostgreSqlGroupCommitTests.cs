using OrleansMlops.Storage.Tests.Writes;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlGroupCommitTests() : GroupCommitTests(TestDatabases.PostgreSql);
