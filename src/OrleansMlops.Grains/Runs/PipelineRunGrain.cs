using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Governance;
using OrleansMlops.Grains.Workflows;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// One pipeline run. Commands and timers become interpreter events; before a token enters a stage and before an
/// approval completes, the governance gate decides. Every transition is one durable commit of the run state together
/// with its audit record (an outbox appended idempotently to the audit table), so nothing acknowledged is lost and no
/// transition is recorded twice.
/// </summary>
public sealed partial class PipelineRunGrain(
    [PersistentState("run", "runs")] IPersistentState<RunGrainState> state,
    WorkflowDefinitionCache definitions,
    IGovernanceGate gate,
    StageHandlers handlers,
    IAuditStore auditStore,
    IRunIndex runIndex,
    EngineClock clock,
    ILogger<PipelineRunGrain> logger) : Grain, IPipelineRunGrain, IRunWakeup, IRemindable
{
    private const string WakeReminder = "wake";

    private readonly RunTimers _timers = new();
    private ProcessDefinition? _definition;
    private ProcessInterpreter? _interpreter;
    private TimeSpan? _registeredWake;

    private RunGrainState S => state.State;

    private string RunId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Started)
        {
            return;
        }

        await LoadDefinition(S.Workflow!);
        await FlushAuditOutbox();
        await ApplyModelEffects();
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
        return Task.CompletedTask;
    }

    public async Task<RunView> Start(StartRunRequest request)
    {
        if (S.Started)
        {
            throw new RunException(RunErrorCode.AlreadyStarted, $"Run '{RunId}' was already started.");
        }

        RunRequestValidation.Validate(request);
        var workflow = GrainFactory.GetGrain<IWorkflowDefinitionGrain>(request.WorkflowId);
        var versions = await workflow.GetVersions();
        var version = request.WorkflowVersion is { } wanted
            ? versions.FirstOrDefault(v => v.Version == wanted)
            : versions.Count > 0 ? versions[^1] : null;
        if (version is null)
        {
            var what = request.WorkflowVersion is null ? "has no published version" : $"has no version {request.WorkflowVersion}";
            throw new RunException(RunErrorCode.UnknownWorkflow, $"Workflow '{request.WorkflowId}' {what}.");
        }

        var pinned = new WorkflowVersionRef(version.WorkflowId, version.Version, version.ContentHash);
        await LoadDefinition(pinned);

        var now = clock.UtcNow;
        S.Workflow = pinned;
        S.StartedBy = request.StartedBy;
        S.StartedAt = now;
        S.Actors[RunRoles.Trainer] = request.StartedBy;
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
        await Drive();
        return View();
    }

    public Task<RunView> GetView() => Task.FromResult(View());

    public async Task<RunView> CompleteTask(CompleteTaskRequest request)
    {
        var process = RequireRunning();
        var token = process.Tokens.FirstOrDefault(t => t.NodeId == request.TaskId && t.Status == TokenStatus.WaitingForUser)
            ?? throw new RunException(
                RunErrorCode.UnknownTask,
                $"Run '{RunId}' has no open task '{request.TaskId}'. Open tasks: {string.Join(", ", OpenTasks().Select(t => t.TaskId).DefaultIfEmpty("none"))}.");
        var task = (UserTask)_definition!.Nodes[token.NodeId];

        if (!task.CandidateRoles.Any(request.Actor.HasRole))
        {
            await RecordRefusedAction(request, $"'{request.Actor.Id}' has none of the roles {string.Join(", ", task.CandidateRoles)}");
            throw new RunException(
                RunErrorCode.NotPermitted,
                $"Task '{task.Id}' needs one of the roles {string.Join(", ", task.CandidateRoles)}; '{request.Actor.Id}' has {string.Join(", ", request.Actor.Roles.DefaultIfEmpty("none"))}.");
        }

        if (request.Decision == TaskDecision.Approve)
        {
            await RequireApprovalAllowed(request, task);
        }

        var approved = request.Decision == TaskDecision.Approve;
        var outputs = ImmutableDictionary<string, Variable>.Empty.SetItem(task.OutcomeVariable, Variable.Of(approved));
        var step = _interpreter!.CompleteUserTask(process, token.TokenId, outputs, clock.UtcNow);
        S.Process = step.State;
        if (approved)
        {
            S.Actors[RunRoles.Approver] = request.Actor;
            if (S.Model is { } model)
            {
                S.ModelEffects.Add(new ModelEffect(ModelEffectKind.Approve, model, request.Actor.Id));
            }
        }

        var verb = approved ? "approved" : "rejected";
        await Commit(
            approved ? "task.approved" : "task.rejected",
            request.Actor,
            $"{task.Name ?? task.Id} {verb} by {request.Actor.Id}",
            step.Steps,
            new { task = task.Id, decision = request.Decision, comment = request.Comment, roles = request.Actor.Roles });
        await Drive();
        return View();
    }

    public async Task<RunView> Retry(Actor actor)
    {
        RequireRunning();
        if (S.BlockedTokens.Count == 0)
        {
            throw new RunException(RunErrorCode.WrongState, $"Run '{RunId}' is not blocked; there is nothing to retry.");
        }

        var blocked = S.BlockedTokens.Keys.ToArray();
        S.BlockedTokens.Clear();
        await Commit("run.retried", actor, $"Gates asked again by {actor.Id}", [], new { tokens = blocked });
        await Drive();
        return View();
    }

    public async Task<AuditVerification> VerifyAudit()
    {
        if (!S.Started)
        {
            throw new RunException(RunErrorCode.NotFound, $"Run '{RunId}' does not exist.");
        }

        var records = await auditStore.ReadAsync(RunId, CancellationToken.None);
        return AuditChain.Verify(RunId, records, S.AuditSequence, S.AuditHeadHash);
    }

    public async Task WakeUp()
    {
        if (S.Process is not { Status: ProcessStatus.Running })
        {
            return;
        }

        await FireDueTimers();
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

    /// <summary>Moves tokens until each waits for something outside the run: a person, a timer, a blocked gate.</summary>
    private async Task Drive()
    {
        while (S.Process is { Status: ProcessStatus.Running } process)
        {
            var awaitingGate = process.Tokens.FirstOrDefault(
                t => t.Status == TokenStatus.AwaitingGate && !S.BlockedTokens.ContainsKey(t.TokenId));
            if (awaitingGate is not null)
            {
                await PassStageGate(process, awaitingGate);
                continue;
            }

            var running = process.Tokens.FirstOrDefault(t => t.Status == TokenStatus.Running);
            if (running is not null)
            {
                await RunStage(process, running);
                continue;
            }

            break;
        }

        await SyncWakeReminder();
    }

    private async Task PassStageGate(ProcessState process, Token token)
    {
        var task = (StageTask)_definition!.Nodes[token.NodeId];
        var transition = $"enter:{task.Stage}";
        var decision = await Decide(transition, task.Id, task.Stage, S.StartedBy!, EnvironmentOf(task));
        if (decision.Allows)
        {
            var step = _interpreter!.AllowStage(process, token.TokenId, clock.UtcNow);
            S.Process = step.State;
            await Commit("gate.allowed", Actor.System, $"Gate {transition} allowed", step.Steps, Summarize(decision));
            return;
        }

        S.BlockedTokens[token.TokenId] = decision.DecisionId;
        RunLog.GateRefused(logger, RunId, transition, decision.Outcome.ToString(), decision.DecisionId);
        await Commit("gate.blocked", Actor.System, $"Gate {transition} blocked: {FailureText(decision)}", [], Summarize(decision));
    }

    private async Task RunStage(ProcessState process, Token token)
    {
        var task = (StageTask)_definition!.Nodes[token.NodeId];
        var handler = handlers.Find(task.Stage);
        var model = await CurrentModel();
        StageResult result;
        try
        {
            if (handler is null)
            {
                throw new StageException(
                    $"No handler is registered for stage '{task.Stage}' (task '{task.Id}'). Known stages: {string.Join(", ", handlers.Stages)}.");
            }

            var context = new StageContext(
                RunId,
                task.Id,
                task.Stage,
                token.Attempt,
                $"{RunId}:{task.Id}:{token.TokenId}",
                task.Properties,
                process.Variables,
                model,
                S.StartedBy!,
                clock.UtcNow);
            result = await handler.ExecuteAsync(context, CancellationToken.None);
        }
        catch (Exception e)
        {
            RunLog.StageFailed(logger, e, RunId, task.Stage, token.Attempt);
            var failed = _interpreter!.FailStage(process, token.TokenId, e.Message, clock.UtcNow);
            S.Process = failed.State;
            await Commit(
                "stage.failed",
                Actor.System,
                $"Stage {task.Stage} failed (attempt {token.Attempt + 1}): {e.Message}",
                failed.Steps,
                new { stage = task.Stage, attempt = token.Attempt, error = e.Message });
            return;
        }

        var outputs = await RecordStageEffects(task, result);
        var step = _interpreter!.CompleteStage(process, token.TokenId, outputs, clock.UtcNow);
        S.Process = step.State;
        await Commit(
            "stage.completed",
            Actor.System,
            $"Stage {task.Stage} completed",
            step.Steps,
            new { stage = task.Stage, metrics = result.Metrics, model = S.Model, environment = result.DeployedEnvironment });
    }

    /// <summary>Turns a stage result into owed model changes and the variables the run keeps.</summary>
    private async Task<ImmutableDictionary<string, Variable>> RecordStageEffects(StageTask task, StageResult result)
    {
        var outputs = result.Outputs;
        var actor = S.StartedBy!.Id;
        if (result.TrainedModel is { } trained)
        {
            // Allocation is idempotent per run, so a retry after a crash gets the same version number.
            var version = await GrainFactory.GetGrain<IModelRegistryGrain>(trained.ModelName).AllocateVersion(RunId);
            S.Model = new ModelVersionKey(trained.ModelName, version);
            S.ModelEffects.Add(new ModelEffect(ModelEffectKind.Register, S.Model, actor, Registration: trained));
            outputs = outputs
                .SetItem("model.name", Variable.Of(trained.ModelName))
                .SetItem("model.version", Variable.Of(version));
        }
        else if (S.Model is { } model && string.Equals(task.Stage, "validate", StringComparison.OrdinalIgnoreCase))
        {
            S.Actors[RunRoles.Validator] = S.StartedBy!;
            S.ModelEffects.Add(new ModelEffect(ModelEffectKind.Validate, model, actor, Metrics: result.Metrics));
        }

        if (result.DeployedEnvironment is { } environment && S.Model is { } deployed)
        {
            S.ModelEffects.Add(new ModelEffect(ModelEffectKind.Deploy, deployed, actor, Environment: environment));
        }

        return outputs;
    }

    private async Task RequireApprovalAllowed(CompleteTaskRequest request, UserTask task)
    {
        // Four-eyes is an invariant of the engine, not only a rule file: a rule set cannot switch it off.
        var submitter = S.StartedBy!.Id;
        var trainer = S.Actors.GetValueOrDefault(RunRoles.Trainer)?.Id;
        if (string.Equals(request.Actor.Id, submitter, StringComparison.OrdinalIgnoreCase)
            || string.Equals(request.Actor.Id, trainer, StringComparison.OrdinalIgnoreCase))
        {
            await RecordRefusedAction(request, "four-eyes: the approver submitted or trained this run");
            throw new RunException(
                RunErrorCode.NotPermitted,
                $"Four-eyes principle: '{request.Actor.Id}' submitted or trained run '{RunId}' and may not approve it; a second person must.");
        }

        var decision = await Decide("approve", task.Id, stage: null, request.Actor, EnvironmentOf(task));
        if (decision.Allows)
        {
            return;
        }

        RunLog.GateRefused(logger, RunId, "approve", decision.Outcome.ToString(), decision.DecisionId);
        await Commit(
            "approval.refused",
            request.Actor,
            $"Approval of {task.Id} by {request.Actor.Id} refused: {FailureText(decision)}",
            [],
            Summarize(decision));
        throw new RunException(RunErrorCode.GateRefused, $"The approval gate refused '{request.Actor.Id}': {FailureText(decision)}");
    }

    private Task RecordRefusedAction(CompleteTaskRequest request, string reason) => Commit(
        "task.refused",
        request.Actor,
        $"{request.Decision} of {request.TaskId} by {request.Actor.Id} refused: {reason}",
        [],
        new { task = request.TaskId, decision = request.Decision, reason });

    private async Task<GateDecision> Decide(string transition, string nodeId, string? stage, Actor actor, string environment)
    {
        var now = clock.UtcNow;
        var input = GateInputFactory.Create(RunId, S, transition, nodeId, stage, actor, environment, await CurrentModel(), now);
        GateDecision decision;
        try
        {
            decision = await gate.EvaluateAsync(RunId, nodeId, input, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A gate that cannot answer blocks: governance fails closed.
            decision = new GateDecision(
                Guid.NewGuid().ToString("N"),
                RunId,
                transition,
                nodeId,
                GateOutcome.Error,
                [],
                [],
                AuditJson.Serialize(input),
                now,
                0,
                e.Message);
        }

        S.Decisions.Add(decision);
        return decision;
    }

    private async Task FireDueTimers()
    {
        while (S.Process is { Status: ProcessStatus.Running } process)
        {
            var now = clock.UtcNow;
            var due = process.Timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).FirstOrDefault();
            if (due is null)
            {
                return;
            }

            var step = _interpreter!.FireTimer(process, due.TimerId, now);
            S.Process = step.State;
            await Commit("timer.fired", Actor.System, $"Timer {due.EventNodeId} ({due.Kind}) fired", step.Steps, new { timer = due });
        }
    }

    /// <summary>
    /// The one durable step of every transition: chain an audit record, persist the state with it, then append it to the
    /// audit table and apply owed model changes (both repeatable, so a crash in between only delays them).
    /// </summary>
    private async Task Commit(string kind, Actor actor, string summary, ImmutableArray<TransitionStep> steps, object details)
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

        RunLog.Transition(logger, RunId, sequence, kind, summary);
        await FlushAuditOutbox();
        await ApplyModelEffects();
        await UpdateIndex();
        ArmTimers();
    }

    private async Task FlushAuditOutbox()
    {
        if (S.AuditOutbox.Count == 0)
        {
            return;
        }

        try
        {
            await auditStore.AppendAsync(S.AuditOutbox, CancellationToken.None);
            S.AuditOutbox.Clear();
        }
        catch (Exception e)
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
                _ = effect.Kind switch
                {
                    ModelEffectKind.Register => await grain.Register(RunId, effect.Registration!, effect.Actor),
                    ModelEffectKind.Validate => await grain.MarkValidated(RunId, effect.Metrics ?? ImmutableDictionary<string, double>.Empty, effect.Actor),
                    ModelEffectKind.Approve => await grain.MarkApproved(RunId, effect.Actor),
                    ModelEffectKind.Deploy => await grain.MarkDeployed(RunId, effect.Environment ?? "default", effect.Actor),
                    _ => throw new InvalidOperationException($"Unknown model effect {effect.Kind}."),
                };
            }
            catch (Exception e)
            {
                RunLog.ModelEffectFailed(logger, e, RunId, effect.Kind.ToString(), effect.Model.GrainKey);
                return;
            }

            S.ModelEffects.RemoveAt(0);
        }
    }

    private async Task UpdateIndex()
    {
        var view = View();
        try
        {
            await runIndex.UpsertAsync(
                new RunSummary(
                    RunId,
                    S.Workflow!.WorkflowId,
                    S.Workflow.Version,
                    view.Status,
                    string.Join(",", view.CurrentNodes),
                    S.StartedBy!.Id,
                    S.StartedAt,
                    S.UpdatedAt,
                    S.AuditSequence),
                CancellationToken.None);
        }
        catch (Exception e)
        {
            // The index is a projection: the next transition writes the newest row again.
            RunLog.IndexUpdateFailed(logger, e, RunId);
        }
    }

    private void ArmTimers()
    {
        var self = this.AsReference<IRunWakeup>();
        _timers.Arm(S.Process?.Timers ?? [], clock.Time, () => self.WakeUp());
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
        }

        if (wanted == _registeredWake)
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
    }

    private bool HasRunnableWork() =>
        S.Process is { Status: ProcessStatus.Running } process
        && process.Tokens.Any(t => t.Status == TokenStatus.Running
            || (t.Status == TokenStatus.AwaitingGate && !S.BlockedTokens.ContainsKey(t.TokenId)));

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

    private static string EnvironmentOf(FlowNode node) => node switch
    {
        StageTask stage => stage.Properties.GetValueOrDefault("environment") ?? "none",
        UserTask user => user.Properties.GetValueOrDefault("environment") ?? "none",
        _ => "none",
    };

    private static string FailureText(GateDecision decision)
    {
        if (decision.Outcome == GateOutcome.Error)
        {
            return $"governance error: {decision.Error}";
        }

        var failed = decision.Results.Where(r => !r.Passed).Select(r => $"{r.RuleSetId}/{r.RuleName}: {r.Message}");
        return string.Join("; ", failed);
    }

    private static object Summarize(GateDecision decision) => new
    {
        decisionId = decision.DecisionId,
        transition = decision.Transition,
        outcome = decision.Outcome,
        ruleSets = decision.RuleSets,
        failed = decision.Results.Where(r => !r.Passed).Select(r => new { r.RuleSetId, r.RuleName, r.Message }),
        error = decision.Error,
    };
}
