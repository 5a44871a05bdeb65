using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Workers;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the worker loop (a hosted service), its typed <see cref="ExternalTaskClient"/> and validated options.
    /// Returns the client's builder, to add a primary handler (tests) or resilience.
    /// </summary>
    public static IHttpClientBuilder AddExternalTaskWorker(this IServiceCollection services, Action<ExternalTaskWorkerOptions> configure)
    {
        services.AddOptions<ExternalTaskWorkerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExternalTaskWorkerOptions>, ExternalTaskWorkerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ExternalTaskWorker>();
        return services
            .AddHttpClient<ExternalTaskClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<ExternalTaskWorkerOptions>>().Value;
                http.BaseAddress = options.BaseAddress;

                // A long poll is an answer that takes its time, not a timeout.
                http.Timeout = options.LongPollTimeout + TimeSpan.FromSeconds(30);
            })

            // The worker is a singleton holding one client for its life: pooled connections are renewed instead of the handler.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // Trace logging of requests shows header names only: X-Api-Key is a secret (stated, not left to the default).
            .RedactLoggedHeaders(_ => true);
    }

    /// <summary>Adds a handler for its topic; one handler per topic.</summary>
    public static IServiceCollection AddExternalTaskHandler<THandler>(this IServiceCollection services)
        where THandler : class, IExternalTaskHandler
    {
        services.AddSingleton<IExternalTaskHandler, THandler>();
        return services;
    }
}
