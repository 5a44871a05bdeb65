using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Evidence;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Storage.Predictions;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Writes;
using OrleansMlops.Storage.Tests.PostgreSql;

namespace OrleansMlops.Storage.Tests;

public sealed class StorageRegistrationTests
{
    [Fact]
    public void Defaults_are_sqlite_with_full_sync()
    {
        var options = new StorageOptions();

        Assert.Equal("Storage", StorageOptions.Section);
        Assert.Equal("Sqlite", options.Provider);
        Assert.Equal("data/orleans-mlops.db", options.Sqlite.DatabasePath);
        Assert.Equal("FULL", options.Sqlite.Synchronous);
        Assert.Equal(5000, options.Sqlite.BusyTimeoutMilliseconds);
        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Unsupported_provider_is_refused_by_name()
    {
        var services = new ServiceCollection();
        var options = new StorageOptions { Provider = "MySql" };

        var exception = Assert.Throws<OptionsValidationException>(() => services.AddMlopsStorage(options));

        Assert.Contains("Storage:Provider is 'MySql'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Sqlite' or 'PostgreSql'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_sqlite_settings_are_refused()
    {
        var options = new StorageOptions { Sqlite = new SqliteStorageOptions { Synchronous = "OFF" } };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:Sqlite:Synchronous is 'OFF'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_group_commit_settings_are_refused()
    {
        var options = new StorageOptions { GroupCommit = new GroupCommitOptions { MaxBatchSize = 0 } };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:GroupCommit:MaxBatchSize is 0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registers_data_source_and_stores()
    {
        await using var database = TempDatabase.Create();
        var options = new StorageOptions { Provider = "sqlite", Sqlite = database.Options };
        var services = new ServiceCollection().AddMlopsStorage(options);

        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<DbDataSource>());
        Assert.Same(SqlDialect.Sqlite, provider.GetRequiredService<SqlDialect>());
        AssertStores(provider);
        Assert.Same(options, provider.GetRequiredService<StorageOptions>());
    }

    [Fact]
    public async Task Postgresql_registers_an_npgsql_data_source_and_the_stores_over_it()
    {
        await using var database = await TempPostgreSqlDatabase.CreateAsync();
        var options = new StorageOptions
        {
            Provider = "postgresql",
            PostgreSql = new PostgreSqlStorageOptions { ConnectionString = database.ConnectionString, MaxPoolSize = 3, MaxAutoPrepare = 16 },
        };
        var services = new ServiceCollection().AddMlopsStorage(options);

        await using var provider = services.BuildServiceProvider();

        var dataSource = Assert.IsAssignableFrom<NpgsqlDataSource>(provider.GetRequiredService<DbDataSource>());
        var connectionString = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(3, connectionString.MaxPoolSize);
        Assert.Equal(16, connectionString.MaxAutoPrepare);
        Assert.Same(SqlDialect.PostgreSql, provider.GetRequiredService<SqlDialect>());
        AssertStores(provider);
        await PostgreSqlDatabase.EnsureSchemaAsync(dataSource, CancellationToken.None);
        var runs = provider.GetRequiredService<IRunIndex>();
        var run = new RunSummary("r1", "train", 1, RunStatus.Running, "fit", "alice", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
        await provider.GetRequiredService<ISqlWriter>().ExecuteAsync(SqlRunIndex.Upsert(run), CancellationToken.None);
        Assert.Equal(run, await runs.GetAsync("r1", CancellationToken.None));
    }

    [Fact]
    public async Task Shares_a_data_source_the_caller_owns()
    {
        await using var database = TempDatabase.Create();
        var services = new ServiceCollection()
            .AddMlopsStorage(new StorageOptions { Sqlite = database.Options }, database.DataSource);

        await using var provider = services.BuildServiceProvider();

        Assert.Same(database.DataSource, provider.GetRequiredService<DbDataSource>());
    }

    [Fact]
    public void The_dialect_follows_the_provider()
    {
        Assert.Same(SqlDialect.Sqlite, SqlDialect.For(new StorageOptions()));
        Assert.Same(SqlDialect.PostgreSql, SqlDialect.For(new StorageOptions { Provider = "PostgreSql" }));
        Assert.Throws<ArgumentException>(() => SqlDialect.For(new StorageOptions { Provider = "MySql" }));
    }

    private static void AssertStores(IServiceProvider provider)
    {
        Assert.IsType<SqlAuditStore>(provider.GetRequiredService<IAuditStore>());
        Assert.IsType<SqlRunIndex>(provider.GetRequiredService<IRunIndex>());
        Assert.IsType<SqlModelIndex>(provider.GetRequiredService<IModelIndex>());
        Assert.IsType<SqlDecisionStore>(provider.GetRequiredService<IDecisionStore>());
        Assert.IsType<SqlPredictionLog>(provider.GetRequiredService<IPredictionLog>());
        Assert.IsType<SqlEvidenceDocumentStore>(provider.GetRequiredService<IEvidenceDocumentStore>());
    }
}
