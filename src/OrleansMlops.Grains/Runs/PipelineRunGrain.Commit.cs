using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Runs;

// The durable commit of a transition and what follows it: audit append, model effects, index, decision log, timers.
public sealed partial class PipelineRunGrain
{
    /// <summary>
    /// The one durable step of every transition: chain an audit record, persist the state with it, then append it to the
    /// audit table and apply owed model changes (both repeatable, so a crash in between only delays them).
    /// </summary>
    /// <remarks><paramref name="stage"/> and <paramref name="decisionId"/> name what the transition concerns, for the log.</remarks>
    private async Task Commit(
        string kind, Actor actor, string summary, ImmutableArray<TransitionStep> steps, object details, string? stage = null, string? decisionId = null)
    {
        var now = clock.UtcNow;
        var sequence = S.AuditSequence + 1;
        var payload = AuditJson.Serialize(new { summary, steps, details });
        var record = AuditChain.Seal(RunId, sequence, kind, actor.Id, now, payload, S.AuditHeadHash);
        S.AuditOutbox.Add(record);
        S.AuditSequence = sequence;
        S.AuditHeadHash = record.Hash;
        S.History.Add(new HistoryEntry(sequence, now, kind, actor.Id, summary, steps));
        S.UpdatedAt = now;
        S.PendingIndexRow = IndexRow();
        await _writes.Track(Persist(kind));

        RunLog.Transition(logger, RunId, sequence, kind, S.Model, stage, decisionId, summary);
        LogIncidents(steps);
        CountCompletion();
        await ApplyModelEffects();
        // Left over when the storage could not write them in the state's transaction (group commit off); they join one batch.
        await Task.WhenAll(UpdateIndex(), ProjectDecisions());
        ArmTimers();
    }

    /// <summary>Writes the state with the commit's audit record, then appends the record to the audit table.</summary>
    private async Task Persist(string kind)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            // The in-memory state is ahead of storage now; only a fresh activation is trustworthy.
            RunLog.PersistFailed(logger, e, RunId, kind);
            DeactivateOnIdle();
            throw;
        }

        await FlushAuditOutbox();
    }

    /// <summary>Counts the run as completed in the commit that ended it, once, whichever activation commits it.</summary>
    private void CountCompletion()
    {
        var status = S.Process?.Status;
        if (status == ProcessStatus.Completed && _committedStatus != ProcessStatus.Completed)
        {
            RunTelemetry.Completed(S.Workflow!.WorkflowId);
        }

        _committedStatus = status;
    }

    private async Task FlushAuditOutbox()
    {
        if (await auditStore.TryFlushAsync(S.AuditOutbox) is { } e)
        {
            RunLog.AuditAppendFailed(logger, e, RunId, S.AuditOutbox.Count);
        }
    }

    /// <summary>Upserts the index row of the last commit, unless the storage wrote it in the commit's own transaction.</summary>
    private async Task UpdateIndex()
    {
        if (S.PendingIndexRow is not { } row)
        {
            return;
        }

        try
        {
            await runIndex.UpsertAsync(row, CancellationToken.None);
            S.PendingIndexRow = null;
        }
        catch (Exception e)
        {
            // The index is a projection: the next transition writes the newest row again.
            RunLog.IndexUpdateFailed(logger, e, RunId);
        }
    }

    /// <summary>The run's listing, from the state directly: built at every commit, where a whole view would copy the history.</summary>
    private RunSummary IndexRow() => new(
        RunId,
        S.Workflow!.WorkflowId,
        S.Workflow.Version,
        StatusOf(S.Process),
        string.Join(",", (S.Process?.Tokens ?? []).Select(t => t.NodeId).Distinct()),
        S.StartedBy!.Id,
        S.StartedAt,
        S.UpdatedAt,
        S.AuditSequence);

    /// <summary>
    /// Appends the committed decisions still in the outbox to the decision log. Group commit has already done so in the
    /// state's transaction; other storage persisted them with the state, so a failure here is repeated later.
    /// </summary>
    private async Task ProjectDecisions()
    {
        var pending = S.DecisionOutbox.Count;
        if (pending == 0)
        {
            return;
        }

        try
        {
            await decisionStore.AppendAsync([.. S.DecisionOutbox], CancellationToken.None);

            // Only in memory until the next commit: until then an activation appends them again, and the log skips them.
            S.DecisionOutbox.RemoveRange(0, pending);
        }
        catch (Exception e)
        {
            RunLog.DecisionProjectionFailed(logger, e, RunId, pending);
        }
    }

    private void ArmTimers()
    {
        var pending = S.Process?.Timers ?? [];
        // Made once per activation, and only for a run with timers: making a typed reference reflects over the grain's interfaces.
        var wakeup = pending.Length == 0 ? null : _wakeup ??= this.AsReference<IRunWakeup>();
        _timers.Arm(pending, clock.Time, () => wakeup?.WakeUp() ?? Task.CompletedTask);
    }
}
