using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// A grain whose every change brings an audit record, a gate decision and its run index row, as a run's does; kept in
/// the "runs" storage.
/// </summary>
public sealed class AuditedNoteGrain(
    [DurableState("notes", DurableStateAttribute.RunsStorageName)] IDurableState<AuditedNoteState> state) : Grain, IAuditedNoteGrain
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public async Task Add(string note)
    {
        var runId = this.GetPrimaryKeyString();
        var sequence = state.State.Notes.Count + 1;
        var record = AuditChain.Seal(runId, sequence, "note.added", "tests", At, $"{{\"note\":\"{note}\"}}", state.State.HeadHash);
        state.State.Notes.Add(note);
        state.State.HeadHash = record.Hash;
        var decision = new GateDecision($"{runId}-{sequence}", runId, "note", null, GateOutcome.Allowed, [], [], $"{{\"note\":\"{note}\"}}", At, 0, null);
        await state.CommitAsync([record], [decision], new RunSummary(runId, "notes", 1, RunStatus.Running, note, "tests", At, At, sequence));
    }

    public Task<IReadOnlyList<string>> Notes() => Task.FromResult<IReadOnlyList<string>>(state.State.Notes);

    public Task<IReadOnlyList<string>> CommittedNotes() => Task.FromResult<IReadOnlyList<string>>(state.Committed.Notes);
}
