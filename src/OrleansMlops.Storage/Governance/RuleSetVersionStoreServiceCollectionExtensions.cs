using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Storage.Governance;

public static class RuleSetVersionStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps governance rule set versions in SQLite (<see cref="SqliteRuleSetVersionStore"/> over the registered
    /// <see cref="DbDataSource"/>, see <c>AddMlopsStorage</c>), replacing the in-memory default of
    /// <c>AddMlopsGovernance</c>; the order of the two calls does not matter.
    /// </summary>
    public static IServiceCollection AddMlopsRuleSetVersionStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IRuleSetVersionStore>(
            provider => new SqliteRuleSetVersionStore(provider.GetRequiredService<DbDataSource>())));
        return services;
    }
}
