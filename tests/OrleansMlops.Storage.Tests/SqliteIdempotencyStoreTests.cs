using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqliteIdempotencyStoreTests() : IdempotencyStoreTests(TestDatabases.Sqlite);
