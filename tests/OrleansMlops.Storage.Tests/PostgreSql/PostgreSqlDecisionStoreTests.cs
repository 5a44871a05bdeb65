using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlDecisionStoreTests() : DecisionStoreTests(TestDatabases.PostgreSql);
