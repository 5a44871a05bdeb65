using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansMlops.Governance.Versions;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Governance;

public static class RuleSetVersionStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps governance rule set versions in the storage database (<see cref="SqlRuleSetVersionStore"/> over the
    /// <see cref="DbDataSource"/> and <see cref="SqlDialect"/> that <c>AddMlopsStorage</c> registers), replacing the
    /// in-memory default of <c>AddMlopsGovernance</c>; the order of the calls does not matter.
    /// </summary>
    public static IServiceCollection AddMlopsRuleSetVersionStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IRuleSetVersionStore>(
            provider => new SqlRuleSetVersionStore(provider.GetRequiredService<DbDataSource>(), provider.GetRequiredService<SqlDialect>())));
        return services;
    }
}
