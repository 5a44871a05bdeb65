using System.Text.Json.Serialization;
using OrleansMlops.Host.Api;
using OrleansMlops.Host.Demo;
using OrleansMlops.Host.Api.ExternalTasks;
using OrleansMlops.Host.Api.Idempotency;
using Microsoft.Extensions.Options;
using OrleansMlops.Host.Health;
using OrleansMlops.Host.Identity;
using OrleansMlops.Host.Operations;
using OrleansMlops.Host.Telemetry;
using OrleansMlops.Silo;
using OrleansMlops.Silo.Clustering;
using OrleansMlops.Storage;
using Serilog;

namespace OrleansMlops.Host.Hosting;

public static class MlopsHostExtensions
{
    /// <summary>
    /// Configures the whole engine in one process: a silo (alone on embedded SQLite, or one of a cluster sharing PostgreSQL),
    /// governance, stage handlers, HTTP API.
    /// </summary>
    public static WebApplicationBuilder AddMlopsEngine(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Serilog also feeds registered logger providers, so tests can capture what would reach a sink. Each host keeps
        // its own logger instead of the static one, or two hosts in one process would log into each other's sinks.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services).Enrich.With<SecretRedaction>()
                .Filter.With<WatchdogStartupArtefact>(),
            preserveStaticLogger: true,
            writeToProviders: true);
        builder.AddMlopsSecurity();
        builder.AddMlopsClusterDashboard();

        builder.Services.AddOptions<WorkflowsOptions>().Bind(configuration.GetSection(WorkflowsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        builder.Services.AddOptions<StudioOptions>().Bind(configuration.GetSection(StudioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var orleans = configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.Sqlite.DatabasePath = Path.GetFullPath(storage.Sqlite.DatabasePath, builder.Environment.ContentRootPath);
        builder.UseOrleans(silo =>
        {
            // One embedded SQLite file serves one silo; PostgreSQL is shared, so silos find each other in its membership table.
            if (storage.IsPostgreSql)
            {
                silo.UseMlopsClusterNetwork(orleans);
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            }

            silo.AddMlopsEngine(storage, configuration);
            silo.AddMlopsClusterDashboard(configuration);
        });

        // Registered after the silo so it starts once grains can be called.
        builder.Services.AddHostedService<DirectorySeeder>();
        builder.Services.AddHostedService<WorkflowPublisher>();
        builder.Services.AddHostedService<RuleSetTrailRecorder>();
        builder.Services.AddSingleton<DemoRunner>();
        builder.Services.AddHostedService<PredictionLogRetention>();
        builder.Services.AddHostedService<IdempotencyKeyRetention>();

        builder.AddMlopsTelemetry();
        builder.Services.AddMlopsHealthChecks();
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new VariableJsonConverter());
            o.SerializerOptions.MaxDepth = 32;

            // As rule sets and fixtures are read: with last-wins, {"runId":"a","runId":"b"} means what the last key says
            // while a reviewer or a proxy reading the first one sees another request.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>()?.MaxRequestBodyBytes
                ?? new ApiOptions().MaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseMlopsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMlopsSecurity();
        app.UseMiddleware<RequestBodyLimit>();
        app.MapMlopsHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapWorkflowsApi();
        app.MapRunsApi();
        app.MapTasksApi();
        app.MapModelsApi();
        app.MapModelDocumentsApi();
        app.MapRegistryApi();
        app.MapDecisionsApi();
        app.MapPoliciesApi();
        app.MapRuleSetProposalsApi();
        app.MapEnvironmentsApi();
        app.MapAliasesApi();
        app.MapExternalTasksApi();
        app.MapPredictionsApi();
        app.MapMonitoringApi();
        app.MapIdentityApi();
        app.MapMlopsClusterDashboard();
        app.UseMlopsStudio();
        app.MapGet("/", () => TypedResults.Redirect(StudioExtensions.BasePath + "/"));
        return app;
    }
}
