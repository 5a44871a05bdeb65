using OrleansMlops.Storage.Tests.Writes;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteGroupCommitTests() : GroupCommitTests(TestDatabases.Sqlite);
