using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Models;

namespace OrleansMlops.Grains.Persistence;

/// <summary>
/// A grain's state whose every change is stored as one transition, together with the audit records, decisions and
/// index row the change adds. Declared as a constructor parameter with <see cref="DurableStateAttribute"/>, loaded before
/// the grain activates.
/// </summary>
public interface IDurableState<out TState>
    where TState : class, new()
{
    /// <summary>The state the grain works on: ahead of storage from a change until its commit.</summary>
    TState State { get; }

    /// <summary>
    /// The state exactly as last stored. Reads that interleave with the grain's work answer from this, so they cannot
    /// see a change before it is durable, whatever the grain is awaiting. Never change it.
    /// </summary>
    TState Committed { get; }

    /// <summary>
    /// Completes once the commit under way, if any, has settled, whether it succeeded or failed: for a read that must
    /// match what is stored row for row, such as an audit check.
    /// </summary>
    Task WhenSettled();

    /// <summary>Whether a state was ever stored.</summary>
    bool RecordExists { get; }

    /// <summary>
    /// Stores <see cref="State"/> as it is at the call, with the rows the change adds, in one transaction; completes
    /// once that transaction committed. On failure nothing is stored and <see cref="State"/> is the committed one again,
    /// so the grain's memory is never ahead of storage; a state another activation wrote meanwhile also deactivates
    /// this one, whose next activation reads it.
    /// </summary>
    Task CommitAsync(
        IReadOnlyList<AuditRecord> audit, IReadOnlyList<GateDecision>? decisions = null, RunSummary? indexRow = null, ModelIndexRow? modelRow = null);
}
