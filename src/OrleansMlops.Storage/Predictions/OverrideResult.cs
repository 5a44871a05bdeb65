namespace OrleansMlops.Storage.Predictions;

/// <summary>What recording an override did.</summary>
public enum OverrideResult
{
    Recorded,
    NotFound,

    /// <summary>The prediction was overridden before; the first override stands.</summary>
    AlreadyOverridden,
}
