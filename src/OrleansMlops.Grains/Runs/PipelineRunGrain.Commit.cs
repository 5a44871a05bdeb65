using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains.Runs;

// The durable commit of a transition and what follows it: model effects, timers, the wake reminder.
public sealed partial class PipelineRunGrain
{
    // Gate decisions made since the last commit, which stores them.
    private readonly List<GateDecision> _decided = [];

    /// <summary>
    /// The one durable step of every transition: seal its audit record onto the run's chain, then store the state with
    /// that record, the decisions made since the last commit and the run's listing, in one transaction. The transition
    /// is durable when the commit returns, and no read sees it before: reads that interleave answer from the committed
    /// state (<see cref="IDurableState{TState}.Committed"/>), which only a finished commit replaces. If the commit fails,
    /// the state is the committed one again and the caller hears the error. What other grains owe the run (model
    /// effects) happens after the commit, from durable state, so a crash in between only delays it.
    /// </summary>
    /// <remarks><paramref name="stage"/> and <paramref name="decisionId"/> name what the transition concerns, for the log.</remarks>
    private async Task Commit(
        string kind, Actor actor, string summary, ImmutableArray<TransitionStep> steps, object details, string? stage = null, string? decisionId = null)
    {
        var now = clock.UtcNow;
        var sequence = S.AuditSequence + 1;
        var payload = AuditJson.Serialize(new { summary, steps, details });
        var record = AuditChain.Seal(RunId, sequence, kind, actor.Id, now, payload, S.AuditHeadHash);
        S.AuditSequence = sequence;
        S.AuditHeadHash = record.Hash;
        S.UpdatedAt = now;
        GateDecision[] decided = [.. _decided];
        _decided.Clear();
        try
        {
            await state.CommitAsync([record], decided, IndexRow());
        }
        catch (Exception e)
        {
            RunLog.PersistFailed(logger, e, RunId, kind);
            throw;
        }

        RunLog.Transition(logger, RunId, sequence, kind, S.Model, stage, decisionId, summary);
        LogIncidents(steps);
        CountCompletion();
        await ApplyModelEffects();
        ArmTimers();
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

    /// <summary>The run's listing, from the state directly: built at every commit, where a whole view would copy the history.</summary>
    private RunSummary IndexRow() => new(
        RunId,
        S.Workflow!.WorkflowId,
        S.Workflow.Version,
        StatusOf(S),
        string.Join(",", (S.Process?.Tokens ?? []).Select(t => t.NodeId).Distinct()),
        S.StartedBy!.Id,
        S.StartedAt,
        S.UpdatedAt,
        S.AuditSequence);

    private void ArmTimers()
    {
        var pending = S.Process?.Timers ?? [];
        // Made once per activation, and only for a run with timers: making a typed reference reflects over the grain's interfaces.
        var wakeup = pending.Length == 0 ? null : _wakeup ??= this.AsReference<IRunWakeup>();
        _timers.Arm(pending, clock.Time, () => wakeup?.WakeUp() ?? Task.CompletedTask);
    }
}
