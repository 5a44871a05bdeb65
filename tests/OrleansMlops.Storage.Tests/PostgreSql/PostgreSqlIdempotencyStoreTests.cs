using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests.PostgreSql;

public sealed class PostgreSqlIdempotencyStoreTests() : IdempotencyStoreTests(TestDatabases.PostgreSql);
