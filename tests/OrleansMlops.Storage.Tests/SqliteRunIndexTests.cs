using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteRunIndexTests() : RunIndexTests(TestDatabases.Sqlite);
