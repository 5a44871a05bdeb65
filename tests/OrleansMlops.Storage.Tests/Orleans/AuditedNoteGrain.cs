using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>
/// A grain whose state carries audit records, a gate decision and its run index row with each change, as a run's does;
/// kept in the "runs" storage.
/// </summary>
public sealed class AuditedNoteGrain([PersistentState("notes", "runs")] IPersistentState<AuditedNoteState> state) : Grain, IAuditedNoteGrain
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public async Task Add(string note)
    {
        var sequence = state.State.Notes.Count + 1;
        var record = AuditChain.Seal(this.GetPrimaryKeyString(), sequence, "note.added", "tests", At, $"{{\"note\":\"{note}\"}}", state.State.HeadHash);
        state.State.Notes.Add(note);
        state.State.AuditOutbox.Add(record);
        state.State.HeadHash = record.Hash;
        var runId = this.GetPrimaryKeyString();
        state.State.DecisionOutbox.Add(new GateDecision(
            $"{runId}-{sequence}", runId, "note", null, GateOutcome.Allowed, [], [], $"{{\"note\":\"{note}\"}}", At, 0, null));
        state.State.PendingIndexRow = new RunSummary(runId, "notes", 1, RunStatus.Running, note, "tests", At, At, sequence);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of storage now: only a fresh activation is trustworthy, as the run grain does.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<IReadOnlyList<string>> Notes() => Task.FromResult<IReadOnlyList<string>>(state.State.Notes);

    public Task<int> OutboxCount() => Task.FromResult(state.State.AuditOutbox.Count + state.State.DecisionOutbox.Count);
}
