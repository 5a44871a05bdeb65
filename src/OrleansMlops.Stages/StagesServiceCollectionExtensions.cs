using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Handlers;
using OrleansMlops.Stages.Lineage;
using OrleansMlops.Stages.Serving;

namespace OrleansMlops.Stages;

public static class StagesServiceCollectionExtensions
{
    /// <summary>The configuration key (an environment variable in the default host) the commit of the code may come from.</summary>
    public const string CodeCommitVariable = "MLOPS_CODE_COMMIT";

    /// <summary>
    /// Registers the train, evidence, validate, deploy and rollback handlers as <see cref="IStageHandler"/> singletons, the
    /// <see cref="ArtifactStore"/>, the <see cref="ServingModelCache"/> that scores live versions, and
    /// <see cref="StagesOptions"/> bound from the <c>Stages</c> section and validated at start. An unset
    /// <c>Stages:BaseDirectory</c> becomes the host's content root (the current directory without a host); an unset
    /// <c>Stages:CodeCommit</c> is taken from <c>MLOPS_CODE_COMMIT</c> when that is set, else from the git checkout
    /// <c>BaseDirectory</c> lies in (so a run started from a clone records its commit with no setup).
    /// </summary>
    public static IServiceCollection AddMlopsStages(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StagesOptions.Section);
        services.AddOptions<StagesOptions>()
            .Bind(section)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (string.IsNullOrEmpty(options.BaseDirectory))
                {
                    options.BaseDirectory = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
                }

                if (section[nameof(StagesOptions.CodeCommit)] is null)
                {
                    options.CodeCommit = configuration[CodeCommitVariable] is { Length: > 0 } commit
                        ? commit
                        : GitHead.FindCommit(options.BaseDirectory) ?? StagesOptions.DefaultCodeCommit;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StagesOptions>, StagesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArtifactStore>();
        services.TryAddSingleton<ServingModelCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStageHandler, TrainStageHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStageHandler, ValidateStageHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStageHandler, DeployStageHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStageHandler, RollbackStageHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStageHandler, EvidenceStageHandler>());
        return services;
    }
}
