using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteModelIndexTests() : ModelIndexTests(TestDatabases.Sqlite);
