namespace OrleansMlops.Workflows;

/// <summary>
/// An event does not fit the run: an unknown token or timer, a token in another status than the event expects, a
/// timer fired early, or a run that has already ended. The state is left unchanged; this is a caller bug or a stale
/// or duplicated request, never something the process model caused.
/// </summary>
public sealed class WorkflowRuntimeException(string message, string? tokenId = null, string? nodeId = null)
    : Exception(message)
{
    public string? TokenId { get; } = tokenId;

    public string? NodeId { get; } = nodeId;
}
