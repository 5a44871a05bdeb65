using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Storage.Sqlite;

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
        var options = new StorageOptions { Provider = "PostgreSQL" };

        var exception = Assert.Throws<OptionsValidationException>(() => services.AddMlopsStorage(options));

        Assert.Contains("Storage:Provider is 'PostgreSQL'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Sqlite'", exception.Message, StringComparison.Ordinal);
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
    public async Task Registers_data_source_and_stores()
    {
        await using var database = TempDatabase.Create();
        var options = new StorageOptions { Provider = "sqlite", Sqlite = database.Options };
        var services = new ServiceCollection().AddMlopsStorage(options);

        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<DbDataSource>());
        Assert.NotNull(provider.GetRequiredService<IAuditStore>());
        Assert.NotNull(provider.GetRequiredService<IRunIndex>());
        Assert.IsType<SqliteModelIndex>(provider.GetRequiredService<IModelIndex>());
        Assert.IsType<SqliteDecisionStore>(provider.GetRequiredService<IDecisionStore>());
        Assert.Same(options, provider.GetRequiredService<StorageOptions>());
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
}
