namespace OrleansMlops.Storage.GrainState;

/// <summary>A grain state row: its version (the ETag) and its serialized state, null once the state was cleared.</summary>
public sealed record StoredGrainState(long Version, byte[]? Payload);
