using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
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

    private async Task ApplyModelEffects()
    {
        while (S.ModelEffects.Count > 0)
        {
            var effect = S.ModelEffects[0];
            var grain = GrainFactory.GetGrain<IModelVersionGrain>(effect.Model.GrainKey);
            try
            {
                await (effect.Kind switch
                {
                    ModelEffectKind.Register => grain.Register(RunId, effect.Registration!, effect.Actor),
                    ModelEffectKind.Validate => grain.MarkValidated(RunId, effect.Metrics ?? ImmutableDictionary<string, double>.Empty, effect.Actor),
                    ModelEffectKind.Approve => grain.MarkApproved(RunId, effect.Actor),
                    ModelEffectKind.Deploy => Deploy(effect),
                    ModelEffectKind.AttachDocuments => grain.AttachDocuments(RunId, effect.Documents),
                    _ => throw new InvalidOperationException($"Unknown model effect {effect.Kind}."),
                });
            }
            catch (Exception e)
            {
                RunLog.ModelEffectFailed(logger, e, RunId, effect.Kind.ToString(), effect.Model.GrainKey);
                return;
            }

            S.ModelEffects.RemoveAt(0);
        }
    }

    /// <summary>The environment records the release (or rollback) and tells the versions concerned.</summary>
    private Task Deploy(ModelEffect effect) =>
        GrainFactory.GetGrain<IModelEnvironmentGrain>(new ModelEnvironmentKey(effect.Model.Name, effect.Environment!).GrainKey)
            .Deploy(new DeploymentRequest(effect.Model.Version, effect.Deployment, RunId, effect.Actor, effect.Reason));

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

    /// <summary>Keeps one durable reminder while the run has work of its own, so a crash or deactivation cannot strand it.</summary>
    private async Task SyncWakeReminder()
    {
        TimeSpan? wanted = null;
        if (S.Process is { Status: ProcessStatus.Running } process)
        {
            if (HasRunnableWork())
            {
                wanted = TimeSpan.FromMinutes(1);
            }
            else if (process.Timers.Length > 0)
            {
                var earliest = process.Timers.Min(t => t.DueAt) - clock.UtcNow;
                wanted = earliest < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : earliest;
            }
            else if (S.ExternalJobs.Count > 0)
            {
                // Each activation sends the open jobs to their queues again, in case a one-way enqueue was lost.
                wanted = TimeSpan.FromMinutes(5);
            }
        }

        if (_wakeKnown && wanted == _registeredWake)
        {
            return;
        }

        if (wanted is { } due)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, due, TimeSpan.FromHours(1));
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _registeredWake = wanted;
        _wakeKnown = true;
    }

    private bool HasRunnableWork() =>
        S.Process is { Status: ProcessStatus.Running } process
        && process.Tokens.Any(t => (t.Status == TokenStatus.Running && !S.ExternalJobs.ContainsKey(t.TokenId))
            || (t.Status == TokenStatus.AwaitingGate && !S.BlockedTokens.ContainsKey(t.TokenId)));
}
