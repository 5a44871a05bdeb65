using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>
/// Applies events to a run of one process definition. Pure: no clock (time comes in as <c>now</c>), no I/O, no
/// randomness; token and timer ids come from <see cref="ProcessState.NextId"/>, so the same state and event always give
/// the same result, which is what lets a grain replay or retry an event safely.
/// </summary>
/// <remarks>
/// An event that does not fit the run throws <see cref="WorkflowRuntimeException"/> and changes nothing. A problem of
/// the model or of a stage (no gateway flow holds, retries exhausted, a loop without wait state) is not an exception:
/// the run becomes <see cref="ProcessStatus.Failed"/> with a reason. An error someone can fix (a gateway condition that
/// cannot be evaluated, a stage's <see cref="RaiseIncident"/>) stops only its token, as <see cref="TokenStatus.Incident"/>,
/// until <see cref="RetryIncident"/>.
/// </remarks>
public sealed class ProcessInterpreter(ProcessDefinition definition)
{
    public ProcessDefinition Definition { get; } = definition;

    /// <summary>Starts a run: a token leaves the start event and moves until it waits.</summary>
    public InterpreterStep Start(ImmutableDictionary<string, Variable> variables, DateTimeOffset now)
    {
        var initial = new ProcessState(ProcessStatus.Running, [], [], variables, 1, [], null, null);
        var run = new ProcessRun(Definition, initial, now);
        var router = new TokenRouter(run);
        var start = Definition.StartEvent;
        var tokenId = run.NewTokenId();
        run.Record(TransitionStepKind.ProcessStarted, start.Id, tokenId, $"process '{Definition.ProcessId}' ({Definition.ContentHash})");
        run.Record(TransitionStepKind.NodeEntered, start.Id, tokenId);
        router.Leave(tokenId, start, Definition.Outgoing(start.Id));
        router.MoveUntilWaiting();
        return run.Finish();
    }

    /// <summary>The governance gate let the stage run: its handler may now start.</summary>
    public InterpreterStep AllowStage(ProcessState state, string tokenId, DateTimeOffset now)
    {
        var run = Open(state, now, "allow a stage");
        var (token, _) = run.Expect<StageTask>(tokenId, TokenStatus.AwaitingGate, "allow a stage");
        run.ReplaceToken(token, token with { Status = TokenStatus.Running });
        return run.Finish();
    }

    /// <summary>The stage handler succeeded: its outputs become run variables and the token moves on.</summary>
    public InterpreterStep CompleteStage(
        ProcessState state,
        string tokenId,
        IReadOnlyDictionary<string, Variable> outputs,
        DateTimeOffset now)
    {
        var run = Open(state, now, "complete a stage");
        var (token, task) = run.Expect<StageTask>(tokenId, TokenStatus.Running, "complete a stage");
        run.RemoveToken(token);
        run.Merge(outputs);
        return MoveOn(run, token.TokenId, task, $"stage '{task.Stage}' completed");
    }

    /// <summary>
    /// The stage handler failed: the token waits for a retry timer while retries remain (backoff doubling per attempt,
    /// capped at <see cref="RetryPolicy.MaxDelay"/>), else the run fails naming the stage and the error.
    /// </summary>
    public InterpreterStep FailStage(ProcessState state, string tokenId, string error, DateTimeOffset now)
    {
        var run = Open(state, now, "fail a stage");
        var (token, task) = run.Expect<StageTask>(tokenId, TokenStatus.Running, "fail a stage");
        var attempts = token.Attempt + 1;
        run.Record(TransitionStepKind.StageFailed, task.Id, tokenId, $"attempt {attempts} of {task.Retry.MaxRetries + 1}: {error}");
        if (token.Attempt >= task.Retry.MaxRetries)
        {
            run.Fail(
                $"stage task '{task.DisplayName}' ({task.Id}, stage '{task.Stage}') failed after {attempts} attempt(s): {error}",
                task.Id,
                tokenId);
            return run.Finish();
        }

        var delay = task.Retry.DelayAfter(token.Attempt);
        run.ReplaceToken(token, token with { Status = TokenStatus.RetryWaiting });
        var timer = run.ScheduleTimer(tokenId, task.Id, TimerKind.Retry, delay);
        run.Record(
            TransitionStepKind.RetryScheduled,
            task.Id,
            tokenId,
            $"attempt {attempts + 1} of {task.Retry.MaxRetries + 1} after {delay}, due {ProcessRun.Format(timer.DueAt)} ({timer.TimerId})");
        return run.Finish();
    }

    /// <summary>A person completed a user task: its boundary timers are cancelled, outputs merged, and the token moves on.</summary>
    /// <remarks>The caller puts the decision in <paramref name="outputs"/> under the task's <see cref="UserTask.OutcomeVariable"/>.</remarks>
    public InterpreterStep CompleteUserTask(
        ProcessState state,
        string tokenId,
        IReadOnlyDictionary<string, Variable> outputs,
        DateTimeOffset now)
    {
        var run = Open(state, now, "complete a user task");
        var (token, task) = run.Expect<UserTask>(tokenId, TokenStatus.WaitingForUser, "complete a user task");
        run.CancelTimers(timer => timer.TokenId == tokenId, $"user task '{task.Id}' completed");
        run.RemoveToken(token);
        run.Merge(outputs);
        return MoveOn(run, token.TokenId, task, "user task completed");
    }

    /// <summary>
    /// The stage hit an error that retrying on a timer cannot fix (an artifact that fails its integrity check): the token
    /// stops at the stage as an incident, keeping its retries, until <see cref="RetryIncident"/>.
    /// </summary>
    public InterpreterStep RaiseIncident(ProcessState state, string tokenId, string error, DateTimeOffset now)
    {
        var run = Open(state, now, "raise an incident");
        var (token, task) = run.Expect<StageTask>(tokenId, TokenStatus.Running, "raise an incident");
        var incident = $"stage task '{task.DisplayName}' ({task.Id}, stage '{task.Stage}'): {error}";
        run.ReplaceToken(token, token with { Status = TokenStatus.Incident, Incident = incident });
        run.Record(TransitionStepKind.IncidentRaised, task.Id, tokenId, incident);
        return run.Finish();
    }

    /// <summary>
    /// Someone fixed what stopped the token, or wants it tried again: a gateway evaluates its conditions anew (and may
    /// stop again), a stage goes back to its gate, which decides on the facts of now.
    /// </summary>
    public InterpreterStep RetryIncident(ProcessState state, string tokenId, DateTimeOffset now)
    {
        var run = Open(state, now, "retry an incident");
        var (token, node) = run.Expect<FlowNode>(tokenId, TokenStatus.Incident, "retry an incident");
        run.Record(TransitionStepKind.IncidentRetried, node.Id, tokenId, token.Incident);
        switch (node)
        {
            case ExclusiveGateway gateway:
                run.RemoveToken(token);
                var router = new TokenRouter(run);
                router.Route(tokenId, gateway, token.ArrivedVia);
                router.MoveUntilWaiting();
                break;
            case StageTask:
                run.ReplaceToken(token, token with { Status = TokenStatus.AwaitingGate, Incident = null });
                break;
            default:
                throw new WorkflowRuntimeException(
                    $"Cannot retry an incident: token '{tokenId}' is at '{node.Id}', where no incident can arise.", tokenId, node.Id);
        }

        return run.Finish();
    }

    /// <summary>A due timer fired. Callers fire only due timers: one fired early throws, as does an unknown one.</summary>
    public InterpreterStep FireTimer(ProcessState state, string timerId, DateTimeOffset now)
    {
        var run = Open(state, now, "fire a timer");
        var timer = run.Timers.FirstOrDefault(candidate => candidate.TimerId == timerId)
            ?? throw new WorkflowRuntimeException($"Cannot fire timer '{timerId}': the run has no such timer.");
        if (now < timer.DueAt)
        {
            throw new WorkflowRuntimeException(
                $"Cannot fire timer '{timerId}' at {ProcessRun.Format(now)}: it is due at {ProcessRun.Format(timer.DueAt)}.",
                timer.TokenId,
                timer.EventNodeId);
        }

        return timer.Kind switch
        {
            TimerKind.Boundary => FireBoundary(run, timer),
            TimerKind.Intermediate => FireIntermediate(run, timer),
            _ => FireRetry(run, timer),
        };
    }

    private ProcessRun Open(ProcessState state, DateTimeOffset now, string what)
    {
        ArgumentNullException.ThrowIfNull(state);
        var run = new ProcessRun(Definition, state, now);
        run.EnsureRunning(what);
        return run;
    }

    private static InterpreterStep MoveOn(ProcessRun run, string tokenId, FlowNode node, string detail)
    {
        var router = new TokenRouter(run);
        router.Leave(tokenId, node, run.Definition.Outgoing(node.Id), detail);
        router.MoveUntilWaiting();
        return run.Finish();
    }

    /// <summary>The deadline passed before the person decided: the task is abandoned and the boundary path taken.</summary>
    private InterpreterStep FireBoundary(ProcessRun run, PendingTimer timer)
    {
        var boundary = Definition.Node(timer.EventNodeId) as BoundaryTimerEvent
            ?? throw new WorkflowRuntimeException($"Timer '{timer.TimerId}' belongs to '{timer.EventNodeId}', which is not a boundary timer.", timer.TokenId, timer.EventNodeId);
        var (token, task) = run.Expect<UserTask>(timer.TokenId, TokenStatus.WaitingForUser, $"fire boundary timer '{timer.TimerId}'");
        if (task.Id != boundary.AttachedToId)
        {
            throw new WorkflowRuntimeException(
                $"Timer '{timer.TimerId}' of boundary event '{boundary.Id}' is attached to '{boundary.AttachedToId}', but its token is at '{task.Id}'.",
                token.TokenId,
                task.Id);
        }

        run.RemoveTimer(timer);
        run.Record(TransitionStepKind.TimerFired, boundary.Id, token.TokenId, timer.TimerId);
        run.CancelTimers(other => other.TokenId == token.TokenId, $"user task '{task.Id}' interrupted by '{boundary.Id}'");
        run.RemoveToken(token);

        // The interrupted task is left but not completed, so it is recorded as a step and not in CompletedNodes.
        run.Record(TransitionStepKind.NodeLeft, task.Id, token.TokenId, $"interrupted by boundary timer '{boundary.Id}'");
        var escalation = run.NewTokenId();
        run.Record(TransitionStepKind.NodeEntered, boundary.Id, escalation);
        return MoveOn(run, escalation, boundary, $"timer {timer.TimerId} fired");
    }

    private static InterpreterStep FireIntermediate(ProcessRun run, PendingTimer timer)
    {
        var (token, timerEvent) = run.Expect<IntermediateTimerEvent>(timer.TokenId, TokenStatus.WaitingForTimer, $"fire timer '{timer.TimerId}'");
        run.RemoveTimer(timer);
        run.Record(TransitionStepKind.TimerFired, timerEvent.Id, token.TokenId, timer.TimerId);
        run.RemoveToken(token);
        return MoveOn(run, token.TokenId, timerEvent, $"timer {timer.TimerId} fired");
    }

    private static InterpreterStep FireRetry(ProcessRun run, PendingTimer timer)
    {
        var (token, task) = run.Expect<StageTask>(timer.TokenId, TokenStatus.RetryWaiting, $"fire retry timer '{timer.TimerId}'");
        run.RemoveTimer(timer);
        run.Record(TransitionStepKind.TimerFired, task.Id, token.TokenId, timer.TimerId);
        run.ReplaceToken(token, token with { Status = TokenStatus.Running, Attempt = token.Attempt + 1 });
        return run.Finish();
    }
}
