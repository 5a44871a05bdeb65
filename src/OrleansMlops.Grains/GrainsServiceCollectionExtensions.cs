using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Grains.Workflows;

namespace OrleansMlops.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Services the grains need; the engine clock defaults to the system clock (tests register a fake one first).</summary>
    public static IServiceCollection AddMlopsGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(new EngineClock(TimeProvider.System));
        services.TryAddSingleton<WorkflowDefinitionCache>();
        services.TryAddSingleton<StageHandlers>();
        return services;
    }
}
