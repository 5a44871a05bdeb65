using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Grains.Tests.Stages;
using OrleansMlops.Silo;
using OrleansMlops.Storage;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// A one-silo cluster wired exactly as the host wires it (embedded SQLite, governance from a policies folder, the real
/// stage handlers plus two test stages), on a fake engine clock. Restarting keeps the database: a redeploy after a stop
/// sees what the previous cluster committed.
/// </summary>
public sealed class EngineCluster : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The commit recorded in lineage; a real-looking one, since the packs refuse an unknown code version.</summary>
    public const string CodeCommit = TestEngineSettings.CodeCommit;

    private readonly InProcessTestCluster _cluster;

    private EngineCluster(InProcessTestCluster cluster, EngineSetup setup)
    {
        _cluster = cluster;
        Setup = setup;
    }

    public EngineSetup Setup { get; }

    public IClusterClient Client => _cluster.Client;

    public FakeTimeProvider Clock => Setup.Clock;

    public static async Task<EngineCluster> StartAsync(EngineSetup setup)
    {
        var storage = setup.Storage ?? new StorageOptions { Sqlite = { DatabasePath = setup.Directory.File("engine.db") } };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Governance:PoliciesPath"] = setup.PoliciesPath,
                ["Governance:WatchForChanges"] = setup.WatchPolicies ? "true" : "false",
                ["Stages:BaseDirectory"] = RepoPaths.Root,
                ["Stages:DataDirectory"] = RepoPaths.CreditData,
                ["Stages:ArtifactDirectory"] = setup.Directory.File("artifacts"),
                ["Stages:ModelName"] = "credit-risk",
                ["Stages:CodeCommit"] = CodeCommit,
                ["Environments:production:PredictionLoggingEnabled"] = "true",
                ["Environments:production:LogRetentionDays"] = "365",
                ["Environments:production:PromoteFrom"] = "staging",
                ["Environments:staging:PredictionLoggingEnabled"] = "true",
                ["Environments:staging:LogRetentionDays"] = "365",
                ["Environments:canary:PredictionLoggingEnabled"] = "true",
                ["Environments:canary:LogRetentionDays"] = "365",
                ["Environments:dr-site:PredictionLoggingEnabled"] = "true",
                ["Environments:dr-site:LogRetentionDays"] = "365",
                ["Environments:dr-site:PromoteFrom"] = "canary",
                ["Models:RevalidationPeriod"] = "365.00:00:00",
            })
            .Build();

        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = "mlops-tests";
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(new EngineClock(setup.Clock));
            silo.Services.AddSingleton<IStageHandler>(setup.Echo);
            silo.Services.AddSingleton<IStageHandler>(setup.Flaky);
            silo.Services.AddSingleton<IStageHandler>(setup.Held);
            silo.Services.AddSingleton<IStageHandler>(new CountingStage());
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(setup.Faults);
            silo.AddMlopsEngine(storage, configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await cluster.Client.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).Seed(Actors.Directory, "the test cluster");
        return new EngineCluster(cluster, setup);
    }

    /// <summary>Stops every silo (activations are not drained of work in flight) and deploys a new cluster on the same database.</summary>
    public async Task<EngineCluster> RestartAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        return await StartAsync(Setup);
    }

    /// <summary>Kills the silo without any shutdown (as kill -9 would) and deploys a new cluster on the same database.</summary>
    public async Task<EngineCluster> CrashAndRestartAsync()
    {
        foreach (var silo in _cluster.Silos.ToArray())
        {
            await _cluster.KillSiloAsync(silo);
        }

        await _cluster.DisposeAsync();
        return await StartAsync(Setup);
    }

    public async Task<WorkflowVersionInfo> PublishAsync(string workflowId, string path)
    {
        var result = await Client.GetGrain<IWorkflowDefinitionGrain>(workflowId).PublishFromFolder(await File.ReadAllTextAsync(path), Path.GetFileName(path));
        return result.Version ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }

    public T SiloService<T>()
        where T : notnull => _cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}

/// <summary>What survives a cluster restart: the directory with the database and artifacts, the clock, the test stages.</summary>
public sealed class EngineSetup : IDisposable
{
    public TestDirectory Directory { get; } = new();

    public FakeTimeProvider Clock { get; } = new(EngineCluster.Epoch);

    public EchoStage Echo { get; } = new();

    public FlakyStage Flaky { get; } = new();

    public HeldStage Held { get; } = new();

    /// <summary>Faults injected into grain calls; none unless a test plans some.</summary>
    public CallFaults Faults { get; } = new();

    public string PoliciesPath { get; set; } = RepoPaths.Policies;

    public bool WatchPolicies { get; set; }

    /// <summary>Where the cluster keeps its state; null for a SQLite file in <see cref="Directory"/>.</summary>
    public StorageOptions? Storage { get; set; }

    /// <summary>Keeps the cluster's state in a new database on the test process's PostgreSQL server instead.</summary>
    public async Task UsePostgreSqlAsync()
    {
        var server = await PostgresServer.Shared;
        Storage = new StorageOptions
        {
            Provider = StorageOptions.PostgreSqlProvider,
            PostgreSql = { ConnectionString = await server.CreateDatabaseAsync("engine") },
        };
    }

    public void Dispose()
    {
        Held.Release();
        Directory.Dispose();
    }
}

public static class Actors
{
    public static readonly Actor Alice = new("alice", ["data-scientist"], "retail-credit-analytics");
    public static readonly Actor Vera = new("vera", ["validator"], "model-validation");
    public static readonly Actor Bob = new("bob", ["approver"], "model-risk-management");
    public static readonly Actor Carol = new("carol", ["model-risk-head"], "model-risk-management");
    public static readonly Actor Dora = new("dora", ["deployer"], "ml-platform");
    public static readonly Actor Mallory = new("mallory", ["data-scientist", "validator", "approver"], "retail-credit-analytics");
    public static readonly Actor Dave = new("dave", ["approver"], "model-risk-management");

    /// <summary>Everyone above, with the roles the grains will find for them in the role directory.</summary>
    public static ImmutableArray<SeededPrincipal> Directory { get; } =
        [.. new[] { Alice, Vera, Bob, Carol, Dora, Mallory, Dave, Monitoring.Service }.Select(a => new SeededPrincipal(a.Id, a.Roles, a.Unit))];
}
