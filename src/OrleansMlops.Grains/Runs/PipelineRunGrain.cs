using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Governance;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Grains.Runs.Release;
using OrleansMlops.Grains.Security;
using OrleansMlops.Grains.Workflows;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Evidence;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// One pipeline run. Commands and timers become interpreter events; before a token enters a stage and before a
/// sign-off (an approve decision on a user task) completes, the governance gate decides. Every transition is one
/// durable commit (see <c>Commit</c>) of the run state with its audit record, its gate decisions and its listing, so
/// nothing acknowledged is lost and no transition is recorded twice.
/// </summary>
public sealed partial class PipelineRunGrain(
    [DurableState("run", DurableStateAttribute.RunsStorageName)] IDurableState<RunGrainState> state,
    WorkflowDefinitionCache definitions,
    IGovernanceGate gate,
    StageHandlers handlers,
    IAuditStore auditStore,
    IDecisionStore decisionStore,
    IEvidenceDocumentStore evidenceStore,
    EnvironmentFacts environments,
    EngineClock clock,
    ILogger<PipelineRunGrain> logger) : Grain, IPipelineRunGrain, IRunWakeup, IRemindable
{
    private const string WakeReminder = "wake";

    /// <summary>The run parameter naming an existing model version the run releases ("name/version").</summary>
    public const string ModelParameter = "model";

    private readonly RunTimers _timers = new();
    private IRunWakeup? _wakeup;
    private ProcessDefinition? _definition;
    private ProcessInterpreter? _interpreter;
    private TimeSpan? _registeredWake;

    // Whether _registeredWake is what the reminder table holds. A new activation of a started run does not know: an
    // earlier activation may have left the reminder registered, and it must still be removed once the run needs none.
    private bool _wakeKnown;

    // The process status of the last durable commit, so the commit that completes the run is counted once.
    private ProcessStatus? _committedStatus;

    private RunGrainState S => state.State;

    private string RunId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Started)
        {
            return;
        }

        _committedStatus = S.Process?.Status;
        await LoadDefinition(S.Workflow!);
        _unpublished.UnionWith(S.ExternalJobs.Keys);
        await ApplyEffects();
        ArmTimers();
        if (HasRunnableWork())
        {
            // Work a crash interrupted (a stage that was running, a gate not yet asked) resumes in its own turn.
            this.RegisterGrainTimer(ResumeAfterActivation, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timers.Dispose();
        DisarmRetry();
        return Task.CompletedTask;
    }

    public async Task<RunView> Start(StartRunRequest request)
    {
        if (S.Started)
        {
            // The same start again is a retry whose first answer was lost (a silo died, a timeout): it gets the run.
            return IsSameStart(request)
                ? await View()
                : throw new RunException(
                    RunErrorCode.AlreadyStarted,
                    $"Run '{RunId}' was already started by '{S.StartedBy!.Id}' on {S.Workflow!.WorkflowId} v{S.Workflow.Version} with other "
                    + "parameters, workflow or starter; choose another run id for another run.");
        }

        if (RunIdCase.Problem(RunId) is { } badRunId)
        {
            throw new RunException(RunErrorCode.InvalidRequest, $"Invalid start request: {badRunId}");
        }

        RunRequestValidation.Validate(request);
        request = request with { StartedBy = await Authorize(request.StartedBy, Permission.StartRun) };
        var workflow = GrainFactory.GetGrain<IWorkflowDefinitionGrain>(request.WorkflowId);
        var versions = await workflow.GetVersions();
        var version = request.WorkflowVersion is { } wanted
            ? versions.FirstOrDefault(v => v.Version == wanted)
            : versions.LastOrDefault(v => v.IsStartable);
        if (version is null)
        {
            var what = request.WorkflowVersion is not null ? $"has no version {request.WorkflowVersion}"
                : versions.Count > 0 ? "has no startable version: every version awaits a second designer's approval or was rejected"
                : "has no published version";
            throw new RunException(RunErrorCode.UnknownWorkflow, $"Workflow '{request.WorkflowId}' {what}.");
        }

        if (!version.IsStartable)
        {
            throw new RunException(RunErrorCode.WrongState, version.Status == WorkflowVersionStatus.Rejected
                ? $"Version {version.Version} of workflow '{version.WorkflowId}' was rejected by {version.ReviewedBy}; no run starts it."
                : $"Version {version.Version} of workflow '{version.WorkflowId}' awaits a second designer's approval; no run starts it before.");
        }

        var pinned = new WorkflowVersionRef(version.WorkflowId, version.Version, version.ContentHash);
        await LoadDefinition(pinned);
        RequireStartRole(request.StartedBy, pinned.WorkflowId, _definition!);
        RequireRollbackReason(_definition!, request);
        UserTaskGate.Check(_definition!);
        var released = await ReleasedModel(request);

        // Nothing registers a reminder before a run's first commit, so a run that is only starting has none.
        _wakeKnown = true;
        var now = clock.UtcNow;
        S.Workflow = pinned;
        S.StartedBy = request.StartedBy;
        S.StartedAt = now;
        S.Actors[RunRoles.Trainer] = released is null ? request.StartedBy : new Actor(released.Registration.Lineage.TrainedBy, [], null);
        S.Model = released?.Key;
        S.Thresholds = RunThresholds.From(request.Parameters);
        S.Parameters = request.Parameters;
        S.RequestedVersion = request.WorkflowVersion;
        S.AuditHeadHash = AuditChain.GenesisHash;
        var step = _interpreter!.Start(request.Parameters, now);
        S.Process = step.State;
        RunLog.Started(logger, RunId, pinned.WorkflowId, pinned.Version, request.StartedBy.Id);
        await Commit(
            "run.started",
            request.StartedBy,
            $"Run started on {pinned.WorkflowId} v{pinned.Version}",
            step.Steps,
            new { workflow = pinned, parameters = request.Parameters.ToDictionary(p => p.Key, p => p.Value.Value) });
        RunTelemetry.Started(pinned.WorkflowId);
        await Drive();
        return await View();
    }

    /// <summary>Whether this started run is what <paramref name="request"/> asks for: same workflow and version asked, parameters and starter.</summary>
    private bool IsSameStart(StartRunRequest request) =>
        request.WorkflowId == S.Workflow!.WorkflowId
        && request.WorkflowVersion == S.RequestedVersion
        && request.StartedBy.Id == S.StartedBy!.Id
        && request.Parameters.Count == S.Parameters.Count
        && request.Parameters.All(p => S.Parameters.TryGetValue(p.Key, out var started) && started == p.Value);

    // Interleaved with the run's work, so from the committed state: it never shows a transition that is not yet durable.
    public Task<RunView> GetView() => ViewOf(state.Committed);

    public async Task<ImmutableArray<HistoryEntry>> GetHistory(long afterSequence, int limit)
    {
        if (limit is < 1 or > RunHistory.PageLimit || afterSequence < 0)
        {
            throw new RunException(
                RunErrorCode.InvalidRequest,
                $"A history page needs a limit from 1 to {RunHistory.PageLimit} and a sequence of 0 or more to start after; got limit {limit}, after {afterSequence}.");
        }

        var committed = state.Committed;
        if (!committed.Started)
        {
            throw new RunException(RunErrorCode.NotFound, $"Run '{RunId}' does not exist.");
        }

        return await HistoryPage(afterSequence, committed.AuditSequence, limit);
    }

    public Task<GateRunFacts> GetGateFacts() => state.Committed is { Started: true } committed
        ? Task.FromResult(GateInputFactory.RunFacts(RunId, committed, nodeId: null, stage: null))
        : throw new RunException(RunErrorCode.NotFound, $"Run '{RunId}' does not exist.");

    /// <summary>
    /// A run that releases an existing version (promotion, rollback) names it in its <c>model</c> parameter
    /// ("name/version") instead of training one; the version must be approved or live already.
    /// </summary>
    private async Task<ModelVersionView?> ReleasedModel(StartRunRequest request)
    {
        if (request.Parameters.GetValueOrDefault(ModelParameter) is not { } parameter)
        {
            return null;
        }

        if (!ModelVersionKey.TryParse(parameter.ToString(), out var key))
        {
            throw new RunException(RunErrorCode.InvalidRequest, $"Parameter '{ModelParameter}' must name a model version as \"name/version\"; got '{parameter}'.");
        }

        var view = await GrainFactory.GetGrain<IModelVersionGrain>(key.GrainKey).GetView()
            ?? throw new RunException(RunErrorCode.InvalidRequest, $"Parameter '{ModelParameter}' names {key}, which is not registered.");
        return view.Lifecycle is ModelLifecycle.Approved or ModelLifecycle.Deployed
            ? view
            : throw new RunException(RunErrorCode.InvalidRequest, $"Model version {key} is {view.Lifecycle}; only an approved version can be released.");
    }

    /// <summary>
    /// A rollback stops what is live on purpose, so the request says why before any run exists: without a reason the
    /// run would only start to block at its gate. Whether the reason suffices is the rule set's to judge (REL-2).
    /// </summary>
    private static void RequireRollbackReason(ProcessDefinition definition, StartRunRequest request)
    {
        if (ReleasePolicy.RollsBack(definition) && string.IsNullOrWhiteSpace(request.Parameters.GetValueOrDefault(ReleasePolicy.ReasonParameter)?.Text))
        {
            throw new RunException(
                RunErrorCode.InvalidRequest,
                $"Invalid start request: parameter '{ReleasePolicy.ReasonParameter}' is required: workflow '{request.WorkflowId}' rolls an environment back, and a rollback states why (the incident or finding).");
        }
    }

    public async Task<RunView> CompleteTask(CompleteTaskRequest request)
    {
        await RequireModelChangesApplied();
        var process = RequireRunning();
        var token = process.Tokens.FirstOrDefault(t => t.NodeId == request.TaskId && t.Status == TokenStatus.WaitingForUser)
            ?? throw new RunException(
                RunErrorCode.UnknownTask,
                $"Run '{RunId}' has no open task '{request.TaskId}'. Open tasks: {string.Join(", ", OpenTasks(process).Select(t => t.TaskId).DefaultIfEmpty("none"))}.");
        var task = (UserTask)_definition!.Nodes[token.NodeId];
        var gate = UserTaskGate.Of(task);
        RequireRejectionReason(request);

        // Candidate roles, and the unit the independence rules compare, are the directory's, not the command's.
        request = request with { Actor = await GrainFactory.Resolve(request.Actor) };

        if (!task.CandidateRoles.Any(request.Actor.HasRole))
        {
            await RecordRefusedAction(request, $"'{request.Actor.Id}' has none of the roles {string.Join(", ", task.CandidateRoles)}");
            throw new RunException(
                RunErrorCode.NotPermitted,
                $"Task '{task.Id}' needs one of the roles {string.Join(", ", task.CandidateRoles)}; '{request.Actor.Id}' has {string.Join(", ", request.Actor.Roles.DefaultIfEmpty("none"))}.");
        }

        await RequireIndependent(request, gate);
        if (request.Decision == TaskDecision.Approve)
        {
            await RequireSignOffAllowed(request, task, gate);
        }

        var approved = request.Decision == TaskDecision.Approve;
        var outputs = ImmutableDictionary<string, Variable>.Empty.SetItem(task.OutcomeVariable, Variable.Of(approved));
        var step = _interpreter!.CompleteUserTask(process, token.TokenId, outputs, clock.UtcNow);
        S.Process = step.State;
        if (approved)
        {
            RecordSignOff(gate, request.Actor);
        }

        var verb = approved ? "approved" : "rejected";
        await Commit(
            approved ? "task.approved" : "task.rejected",
            request.Actor,
            $"{task.Name ?? task.Id} {verb} by {request.Actor.Id}",
            step.Steps,
            new { task = task.Id, gate = gate.Gate, actorRole = gate.ActorRole, decision = request.Decision, comment = request.Comment, roles = request.Actor.Roles });
        await FreezeOwedEvidence();
        await Drive();
        return await View();
    }

    public async Task<RunView> Retry(Actor actor)
    {
        var process = RequireRunning();
        actor = await Authorize(actor, Permission.RetryRun);
        var incidents = Incidents(process).Select(t => new { token = t.TokenId, node = t.NodeId, incident = t.Incident }).ToArray();
        if (S.BlockedTokens.Count == 0 && incidents.Length == 0)
        {
            throw new RunException(RunErrorCode.WrongState, $"Run '{RunId}' is neither blocked by a gate nor stopped by an incident; there is nothing to retry.");
        }

        var blocked = S.BlockedTokens.Keys.ToArray();
        S.BlockedTokens.Clear();
        var steps = RetryIncidents(process);
        var what = (blocked.Length, incidents.Length) switch
        {
            (0, _) => $"Incidents at {string.Join(", ", incidents.Select(i => i.node))} retried",
            (_, 0) => "Gates asked again",
            _ => $"Gates asked again and incidents at {string.Join(", ", incidents.Select(i => i.node))} retried",
        };
        await Commit("run.retried", actor, $"{what} by {actor.Id}", steps, new { tokens = blocked, incidents });
        await Drive();
        return await View();
    }

    public async Task<AuditVerification> VerifyAudit()
    {
        if (!state.Committed.Started)
        {
            throw new RunException(RunErrorCode.NotFound, $"Run '{RunId}' does not exist.");
        }

        // This call interleaves with commits: it checks the table against the committed head, and reads again if a
        // commit was under way at any point of the read (its record may be in the table before its head is committed).
        while (true)
        {
            await state.WhenSettled();
            var committed = state.Committed;
            var records = await auditStore.ReadAsync(RunId, CancellationToken.None);
            if (state.WhenSettled().IsCompleted && ReferenceEquals(committed, state.Committed))
            {
                return AuditChain.Verify(RunId, records, committed.AuditSequence, committed.AuditHeadHash);
            }
        }
    }

    public async Task WakeUp()
    {
        if (!S.Started)
        {
            return;
        }

        // Whatever woke the run (its retry, a timer, the reminder), this attempt is the retry: the next is armed anew.
        DisarmRetry();
        await ApplyEffects();
        if (S.Process is { Status: ProcessStatus.Running })
        {
            await FireDueTimers();
        }

        await Drive();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeUp();

    private async Task ResumeAfterActivation(CancellationToken cancellationToken)
    {
        try
        {
            await Drive();
        }
        catch (Exception e)
        {
            RunLog.ResumeFailed(logger, e, RunId);
        }
    }

    private async Task LoadDefinition(WorkflowVersionRef pinned)
    {
        var document = await GrainFactory.GetGrain<IWorkflowDefinitionGrain>(pinned.WorkflowId).GetDocument(pinned.Version)
            ?? throw new RunException(RunErrorCode.UnknownWorkflow, $"Workflow '{pinned.WorkflowId}' v{pinned.Version} is missing.");
        var definition = definitions.Parse(document);
        if (definition.ContentHash != pinned.ContentHash)
        {
            throw new InvalidOperationException(
                $"Workflow '{pinned.WorkflowId}' v{pinned.Version} has hash {definition.ContentHash}, but run '{RunId}' is pinned to {pinned.ContentHash}.");
        }

        _definition = definition;
        _interpreter = new ProcessInterpreter(definition);
    }

    private async Task<ModelVersionView?> CurrentModel() =>
        S.Model is { } key ? await GrainFactory.GetGrain<IModelVersionGrain>(key.GrainKey).GetView() : null;

    private ProcessState RequireRunning()
    {
        if (S.Process is not { } process)
        {
            throw new RunException(RunErrorCode.NotFound, $"Run '{RunId}' does not exist.");
        }

        return process.Status == ProcessStatus.Running
            ? process
            : throw new RunException(RunErrorCode.WrongState, $"Run '{RunId}' is {process.Status}; it accepts no more actions.");
    }
}
