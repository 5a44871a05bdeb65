using System.Collections.Immutable;

namespace OrleansMlops.Workflows;

/// <summary>
/// A task bound to a stage handler kind (<c>mlops:stage</c>). <paramref name="Properties"/> holds the other
/// <c>mlops:*</c> attributes, keyed by local name, for the handler to interpret.
/// </summary>
public sealed record StageTask(
    string Id,
    string? Name,
    int Line,
    string Stage,
    ImmutableDictionary<string, string> Properties,
    RetryPolicy Retry) : FlowNode(Id, Name, Line);
