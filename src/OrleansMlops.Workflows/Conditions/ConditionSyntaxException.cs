namespace OrleansMlops.Workflows;

/// <summary>A condition expression does not parse; <see cref="Position"/> is the zero-based offset of the fault.</summary>
public sealed class ConditionSyntaxException(string message, int position)
    : Exception($"{message} (at offset {position})")
{
    public int Position { get; } = position;

    /// <summary>The reason without the position, for callers that place the position themselves.</summary>
    public string Reason { get; } = message;
}
