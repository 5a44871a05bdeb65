using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Hosting;
using OrleansMlops.Governance.DryRun;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Proposals;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Governance;

public static class GovernanceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the governance gate and its rule set catalog, configured from the <c>Governance</c> section. The
    /// options are validated at start; the catalog loads the policies folder at start (a refused file is reported,
    /// the others still load) and, with <see cref="GovernanceOptions.WatchForChanges"/>, reloads on file changes.
    /// Versions are kept in an <see cref="InMemoryRuleSetVersionStore"/> unless another <see cref="IRuleSetVersionStore"/>
    /// is registered (before or after this call: the default is only added when none is).
    /// </summary>
    public static IServiceCollection AddMlopsGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GovernanceOptions>()
            .Bind(configuration.GetSection(GovernanceOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GovernanceOptions>, GovernanceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRuleSetVersionStore, InMemoryRuleSetVersionStore>();
        services.TryAddSingleton(sp => new RuleSetLoader(sp.GetRequiredService<IOptions<GovernanceOptions>>().Value));
        services.TryAddSingleton(sp => new RuleSetCatalog(
            PoliciesDirectory.Resolve(sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.PoliciesPath, sp.GetService<IHostEnvironment>()),
            sp.GetRequiredService<RuleSetLoader>(),
            sp.GetRequiredService<IRuleSetVersionStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RuleSetCatalog>>()));
        services.TryAddSingleton<IGovernanceGate, GovernanceGate>();
        services.TryAddSingleton<DryRunner>();
        services.TryAddSingleton<RuleSetAssessor>();
        services.AddHostedService<GovernanceCatalogService>();
        return services;
    }
}
