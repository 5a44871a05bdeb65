using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>
/// A typed gate input with nothing in it. Used only to warm up (RulesEngine's rule compilation, the JSON snapshot's
/// serializer metadata) so the first real decision costs what every later one does.
/// </summary>
internal static class NeutralGateInput
{
    public static GateInput Value { get; } = new(
        TransitionName.Approve,
        new GateRunFacts(string.Empty, string.Empty, 0, null, null, ImmutableDictionary<string, string>.Empty,
            Actor.System, null, null, null, DateTimeOffset.UnixEpoch, ImmutableDictionary<string, double>.Empty),
        GateModelFacts.None,
        Actor.System,
        GateEnvironmentFacts.None,
        DateTimeOffset.UnixEpoch);
}
