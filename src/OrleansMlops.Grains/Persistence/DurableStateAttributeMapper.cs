using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansMlops.Grains.Persistence;

/// <summary>Creates the <see cref="DurableState{TState}"/> of each activation for a parameter marked <see cref="DurableStateAttribute"/>.</summary>
internal sealed class DurableStateAttributeMapper : IAttributeToFactoryMapper<DurableStateAttribute>
{
    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, DurableStateAttribute metadata)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IDurableState<>))
        {
            throw new InvalidOperationException(
                $"[{nameof(DurableStateAttribute)}] on parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name} needs the type IDurableState<TState>, not {type.Name}.");
        }

        var implementation = typeof(DurableState<>).MakeGenericType(type.GetGenericArguments()[0]);
        var create = ActivatorUtilities.CreateFactory(implementation, [typeof(IGrainContext), typeof(DurableStateAttribute)]);
        return context => create(context.ActivationServices, [context, metadata]);
    }
}
