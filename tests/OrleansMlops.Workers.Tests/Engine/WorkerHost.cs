using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Workers.Tests.Engine;

/// <summary>A worker service as a deployment would run it (Generic Host, hosted worker loop), talking to the in-process engine.</summary>
public static class WorkerHost
{
    public static async Task<IHost> Start(
        EngineFactory engine, Action<ExternalTaskWorkerOptions> configure, Action<IServiceCollection> handlers, RequestLog? requests = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        var client = builder.Services.AddExternalTaskWorker(o =>
        {
            o.BaseAddress = engine.Server.BaseAddress;
            o.User = "worker-service";
            o.Roles = ["worker"];
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

    /// <summary>A bare client for another worker (or an observer) on the same engine.</summary>
    public static ExternalTaskClient Client(EngineFactory engine, string workerId, string user = "worker-service") =>
        new(engine.CreateClient(), Options.Create(new ExternalTaskWorkerOptions { WorkerId = workerId, User = user, Roles = ["worker"] }));
}
