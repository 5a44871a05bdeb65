using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Silo;
using OrleansMlops.Storage;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// One in-process silo of the engine, wired as the host wires it (<see cref="MlopsSiloExtensions.AddMlopsEngine"/> on a
/// SQLite file with synchronous=FULL, the real clock), with no-op stage handlers, the harness's people in the role
/// directory and its three workflows published. No TestingHost: a plain generic host, as production runs it.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host, string databasePath, string storage)
    {
        _host = host;
        DatabasePath = databasePath;
        Storage = storage;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A service of the silo (the harness runs in its process).</summary>
    public T Service<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public string DatabasePath { get; }

    /// <summary>What the started silo resolved for grain state and reminders.</summary>
    public string Storage { get; }

    /// <summary>How long a silo that is stopped may take to finish its calls: a configuration that failed may leave one running.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts the silo; <paramref name="callTimeout"/> replaces Orleans' 30 s response timeout (a long run is one call).</summary>
    public static async Task<EngineHost> StartAsync(EngineStorage storage, ScratchDirectory directory, WarningLog warnings, TimeSpan? callTimeout = null)
    {
        var databasePath = directory.File("engine.db");
        var storageOptions = new StorageOptions
        {
            Sqlite = { DatabasePath = databasePath, Synchronous = SqliteStorageOptions.SynchronousFull },
        };

        // No defaults: the repository's appsettings.json (read from the working directory) must not leak in.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory.Path });
        builder.Configuration.AddInMemoryCollection(EngineSettings.For(directory.Path));
        builder.Logging.ClearProviders().AddProvider(warnings).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            silo.AddMlopsEngine(storageOptions, builder.Configuration);
            silo.Services.ReplaceStageHandlersWithNoOps();
            if (callTimeout is { } timeout)
            {
                silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = timeout);
            }

            if (storage == EngineStorage.Memory)
            {
                silo.UseMemoryGrainStateAndReminders();
            }
        });

        var host = builder.Build();
        await host.StartAsync();
        try
        {
            if (storage == EngineStorage.Memory)
            {
                StorageWiring.RequireMemory(host.Services);
            }

            var engine = new EngineHost(host, databasePath, StorageWiring.Describe(host.Services));
            await engine.Grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).Seed(BenchPrincipals.Directory, "the load harness");
            await engine.PublishAsync(ThroughputWorkload.WorkflowId);
            await engine.PublishAsync(WaitingWorkload.WorkflowId);
            await engine.PublishAsync(LengthWorkload.WorkflowId);
            return engine;
        }
        catch
        {
            await host.StopAsync();
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(ShutdownTimeout);
        await _host.StopAsync(shutdown.Token);
        _host.Dispose();
    }

    private async Task PublishAsync(string workflowId)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Load", $"{workflowId}.bpmn");
        var result = await Grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).PublishFromFolder(await File.ReadAllTextAsync(path), Path.GetFileName(path));
        if (result.Version is null)
        {
            throw new LoadHarnessException($"{path} was refused: {string.Join("; ", result.Problems)}");
        }
    }
}
