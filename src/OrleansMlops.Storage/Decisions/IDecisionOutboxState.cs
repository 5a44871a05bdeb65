using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Storage.Decisions;

/// <summary>
/// A grain state that carries the gate decisions its latest changes made, whole (with their input), until they are in
/// the decision log. Grain storage that can write the log in the state's own transaction takes them out of the outbox
/// and appends them there, so the state need not keep their inputs; any other storage persists them with the state, and
/// the grain appends them afterwards.
/// </summary>
public interface IDecisionOutboxState
{
    List<GateDecision> DecisionOutbox { get; }
}
