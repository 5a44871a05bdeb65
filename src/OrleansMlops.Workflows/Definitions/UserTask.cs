using System.Collections.Immutable;

namespace OrleansMlops.Workflows;

/// <summary>
/// A decision a person takes. Its completion sets the boolean <paramref name="OutcomeVariable"/>, which the
/// following gateway usually tests.
/// </summary>
public sealed record UserTask(
    string Id,
    string? Name,
    int Line,
    ImmutableArray<string> CandidateRoles,
    string OutcomeVariable,
    ImmutableDictionary<string, string> Properties) : FlowNode(Id, Name, Line);
