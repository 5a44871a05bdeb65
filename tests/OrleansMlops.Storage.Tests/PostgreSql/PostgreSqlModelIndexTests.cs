using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlModelIndexTests() : ModelIndexTests(TestDatabases.PostgreSql);
