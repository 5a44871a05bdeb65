using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMlops.Grains;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Host.Hosting;
using OrleansMlops.Storage.Predictions;
using OrleansMlops.Storage.Sqlite;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>Each environment's predictions are kept for its LogRetentionDays of the engine clock, then purged.</summary>
public sealed class PredictionLogRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Now);
    private System.Data.Common.DbDataSource _dataSource = null!;
    private SqlPredictionLog _log = null!;

    public async Task InitializeAsync()
    {
        _dataSource = SqliteDatabase.CreateDataSource(new OrleansMlops.Storage.SqliteStorageOptions { DatabasePath = _directory.File("log.db") });
        await SqliteDatabase.EnsureSchemaAsync(_dataSource, CancellationToken.None);
        _log = new SqlPredictionLog(_dataSource);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_pass_purges_each_environment_by_its_own_retention_and_keeps_unconfigured_ones()
    {
        await Add("prod-366d", "production", days: 366);
        await Add("prod-364d", "production", days: 364);
        await Add("staging-184d", "staging", days: 184);
        await Add("staging-182d", "staging", days: 182);
        await Add("legacy-900d", "legacy", days: 900);
        var retention = Retention();

        Assert.Equal(2, await retention.PurgeExpiredAsync(CancellationToken.None));
        Assert.Equal(["legacy-900d", "prod-364d", "staging-182d"], await Ids());

        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await retention.PurgeExpiredAsync(CancellationToken.None));
        Assert.Equal(["legacy-900d"], await Ids());
        Assert.Equal(0, await retention.PurgeExpiredAsync(CancellationToken.None));
    }

    private PredictionLogRetention Retention()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Environments:production:PredictionLoggingEnabled"] = "true",
            ["Environments:production:LogRetentionDays"] = "365",
            ["Environments:staging:PredictionLoggingEnabled"] = "true",
            ["Environments:staging:LogRetentionDays"] = "183",
        }).Build();
        var services = new ServiceCollection().AddMlopsGrains(configuration).BuildServiceProvider();
        return new PredictionLogRetention(
            _log,
            services.GetRequiredService<IOptionsMonitor<EnvironmentOptions>>(),
            new EngineClock(_time),
            NullLogger<PredictionLogRetention>.Instance);
    }

    private Task Add(string id, string environment, int days) => _log.AppendAsync(
        new PredictionRecord(id, Now.AddDays(-days), "credit-risk", 1, new string('a', 64), environment, "svc", new string('b', 64), 0.1, 0.52, "decline"),
        CancellationToken.None);

    private async Task<string[]> Ids() =>
        [.. (await _log.QueryAsync(new PredictionQuery(), CancellationToken.None)).Select(p => p.PredictionId).Order(StringComparer.Ordinal)];
}
