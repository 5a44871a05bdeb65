using OrleansMlops.Storage.Tests.Stores;

namespace OrleansMlops.Storage.Tests;

public sealed class SqlitePredictionLogTests() : PredictionLogTests(TestDatabases.Sqlite);
