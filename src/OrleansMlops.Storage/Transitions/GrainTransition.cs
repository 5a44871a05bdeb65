using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Models;

namespace OrleansMlops.Storage.Transitions;

/// <summary>
/// One durable change of a grain: the state it keeps from now on, written over the version it read (null: the first
/// write), and the rows the change adds to the engine's tables. <see cref="TransitionStore"/> stores all of it
/// in one transaction or none of it.
/// </summary>
/// <param name="Key">The grain's state row.</param>
/// <param name="ExpectedVersion">The version the grain read; the write fails if the row is at another.</param>
/// <param name="State">The serialized state; null clears it.</param>
public sealed record GrainTransition(GrainStateKey Key, long? ExpectedVersion, byte[]? State)
{
    /// <summary>Records sealed onto the grain's audit chain by this change, in sequence order.</summary>
    public IReadOnlyList<AuditRecord> Audit { get; init; } = [];

    /// <summary>Gate decisions this change made, with their input.</summary>
    public IReadOnlyList<GateDecision> Decisions { get; init; } = [];

    /// <summary>The run's listing after this change, for a run grain.</summary>
    public RunSummary? IndexRow { get; init; }

    /// <summary>The model version's listing after this change, for a model version grain.</summary>
    public ModelIndexRow? ModelRow { get; init; }
}
