using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansMlops.Storage.Transitions;

namespace OrleansMlops.Grains.Persistence;

public static class DurableStateServiceCollectionExtensions
{
    /// <summary>
    /// Gives grains the <see cref="IDurableState{TState}"/> they declare with <see cref="DurableStateAttribute"/>, over
    /// the <see cref="ITransitionStore"/> that <c>AddMlopsStorage</c> registers.
    /// </summary>
    public static IServiceCollection AddDurableGrainState(this IServiceCollection services)
    {
        services.TryAddSingleton<IAttributeToFactoryMapper<DurableStateAttribute>, DurableStateAttributeMapper>();
        return services;
    }
}
