namespace OrleansMlops.Storage.GrainState;

/// <summary>The stored version of a grain's state is not the one the writer read: another activation wrote it since.</summary>
public sealed class GrainStateConflictException(GrainStateKey key, long? expectedVersion)
    : Exception($"The state '{key.StateName}' of grain '{key.GrainId}' ({key.Provider}) is not at version "
        + $"{expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} any more: another activation wrote it.")
{
    public GrainStateKey Key { get; } = key;

    public long? ExpectedVersion { get; } = expectedVersion;
}
