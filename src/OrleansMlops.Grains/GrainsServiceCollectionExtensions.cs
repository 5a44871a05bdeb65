using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Grains.Models;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Grains.Security;
using OrleansMlops.Grains.Workflows;

namespace OrleansMlops.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Services the grains need: the engine clock (defaults to the system clock; tests register a fake one first),
    /// <see cref="ModelRegistryOptions"/> from <c>Models</c>, <see cref="RoleDirectoryOptions"/> from
    /// <c>Security:RoleDirectory</c>, <see cref="WorkflowApprovalOptions"/> from <c>WorkflowApproval</c> and one named
    /// <see cref="EnvironmentOptions"/> per child of
    /// <c>Environments</c>, all validated at start.
    /// </summary>
    public static IServiceCollection AddMlopsGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new EngineClock(TimeProvider.System));
        services.TryAddSingleton<WorkflowDefinitionCache>();
        services.TryAddSingleton<StageHandlers>();
        services.TryAddSingleton<EnvironmentFacts>();

        services.AddOptions<ModelRegistryOptions>().Bind(configuration.GetSection(ModelRegistryOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelRegistryOptions>, ModelRegistryOptionsValidator>());

        services.AddOptions<WorkflowApprovalOptions>().Bind(configuration.GetSection(WorkflowApprovalOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowApprovalOptions>, WorkflowApprovalOptionsValidator>());

        services.AddOptions<RoleDirectoryOptions>().Bind(configuration.GetSection(RoleDirectoryOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoleDirectoryOptions>, RoleDirectoryOptionsValidator>());

        foreach (var environment in configuration.GetSection(EnvironmentOptions.Section).GetChildren())
        {
            services.AddOptions<EnvironmentOptions>(environment.Key).Bind(environment).ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EnvironmentOptions>, EnvironmentOptionsValidator>());
        return services;
    }
}
