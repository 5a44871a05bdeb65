using Orleans.Providers;

namespace OrleansMlops.Grains.Persistence;

/// <summary>Marks an <see cref="IDurableState{TState}"/> constructor parameter with the name of its state and storage.</summary>
/// <remarks>
/// The row is keyed as Orleans' grain storage of the same name keys it, so a grain moved from <c>[PersistentState]</c>
/// keeps its stored state.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DurableStateAttribute(string stateName, string storageName = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
    : Attribute, IFacetMetadata
{
    /// <summary>The storage name of the run grains' states, which have a provider of their own for historical reasons.</summary>
    public const string RunsStorageName = "runs";

    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName;
}
