using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Swaps the real stage handlers for no-op ones under the same stage names.
/// The names must stay the shipped ones: a gate's transition is named after the stage (<c>enter:train</c>,
/// <c>enter:validate</c>, <c>enter:deploy</c>), and that name is what the default packs apply to. A second handler for a
/// stage cannot simply be added, because StageHandlers refuses two handlers claiming one stage (a later registration
/// does not override an earlier one); so the harness removes the real ones (which train with ML.NET, write artifacts
/// and deploy) after AddMlopsEngine and registers its own, plus the counting stage of workload C's loop.
/// </summary>
internal static class StageHandlerReplacement
{
    public static readonly IReadOnlyList<string> Stages = ["train", "validate", "package", "deploy"];

    public static IServiceCollection ReplaceStageHandlersWithNoOps(this IServiceCollection services)
    {
        services.RemoveAll<IStageHandler>();
        foreach (var stage in Stages)
        {
            services.AddSingleton<IStageHandler>(new NoOpStage(stage));
        }

        services.AddSingleton<IStageHandler>(new CountingStage());

        return services;
    }
}
