using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace OrleansMlops.SampleGrainClient;

public static class EngineClientExtensions
{
    /// <summary>An Orleans client of the engine's cluster: the grain interfaces of OrleansMlops.Abstractions become callable.</summary>
    public static HostApplicationBuilder AddEngineClient(this HostApplicationBuilder builder)
    {
        var engine = builder.Configuration.GetSection(EngineClientOptions.Section).Get<EngineClientOptions>() ?? new EngineClientOptions();
        builder.UseOrleansClient(client =>
        {
            if (string.IsNullOrWhiteSpace(engine.PostgreSqlConnectionString))
            {
                client.UseLocalhostClustering(engine.GatewayPort, engine.ServiceId, engine.ClusterId);
                return;
            }

            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = engine.ClusterId;
                cluster.ServiceId = engine.ServiceId;
            });
            client.UseAdoNetClustering(adoNet =>
            {
                adoNet.Invariant = "Npgsql";
                adoNet.ConnectionString = engine.PostgreSqlConnectionString;
            });
        });
        return builder;
    }

    /// <param name="builder">The service's host.</param>
    /// <param name="clock">The schedule's clock (tests pass a fake one); the system clock when null. Orleans keeps its own.</param>
    public static HostApplicationBuilder AddScheduledRetraining(this HostApplicationBuilder builder, TimeProvider? clock = null)
    {
        builder.Services.AddOptions<RetrainingOptions>().Bind(builder.Configuration.GetSection(RetrainingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<ScheduledRetraining>(services, clock ?? TimeProvider.System));
        builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledRetraining>());
        return builder;
    }
}
