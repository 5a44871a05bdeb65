namespace OrleansMlops.Storage.GrainState;

/// <summary>Which row holds a grain's state: the deployment, the storage provider's name, the grain and the state's name.</summary>
public sealed record GrainStateKey(string ServiceId, string Provider, string GrainId, string StateName);
