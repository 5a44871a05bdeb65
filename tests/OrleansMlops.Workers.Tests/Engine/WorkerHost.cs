using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Workers.Tests.Engine;

/// <summary>
/// A worker service as a deployment would run it (Generic Host, hosted worker loop), talking to the in-process engine
/// as the sample service sample-worker; bare clients sign in as the engine's configured service.
/// </summary>
public static class WorkerHost
{
    public const string Service = "sample-worker";

    public static async Task<IHost> Start(
        EngineFactory engine,
        Action<ExternalTaskWorkerOptions> configure,
        Action<IServiceCollection> handlers,
        RequestLog? requests = null,
        ILoggerProvider? logs = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        var client = builder.Services.AddExternalTaskWorker(o =>
        {
            o.BaseAddress = engine.Server.BaseAddress;
            o.ApiKey = engine.DevelopmentKey(Service);
            o.LongPollTimeout = TimeSpan.FromSeconds(5);
            o.RetryBackoff = TimeSpan.FromMilliseconds(50);
            configure(o);
        }).ConfigurePrimaryHttpMessageHandler(() => engine.Server.CreateHandler());
        if (requests is not null)
        {
            client.AddHttpMessageHandler(() => new RecordingHandler(requests));
        }

        handlers(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A bare client for another worker (or an observer) on the same engine, with the configured service's key unless told.</summary>
    public static ExternalTaskClient Client(EngineFactory engine, string workerId, string? apiKey = null) =>
        new(engine.CreateClient(), Options.Create(new ExternalTaskWorkerOptions { WorkerId = workerId, ApiKey = apiKey ?? engine.ConfiguredServiceKey }));
}
