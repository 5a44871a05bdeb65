using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlRunIndexTests() : RunIndexTests(TestDatabases.PostgreSql);
