using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteDecisionStoreTests() : DecisionStoreTests(TestDatabases.Sqlite);
