using System.Collections.Immutable;
using System.Globalization;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>
/// A mutable working copy of a <see cref="ProcessState"/> while one event is applied; it records every step and is
/// turned back into an immutable state at the end. Only the interpreter's own classes see it.
/// </summary>
internal sealed class ProcessRun
{
    private readonly List<Token> tokens;
    private readonly List<PendingTimer> timers;
    private readonly List<string> completedNodes;
    private readonly List<TransitionStep> steps = [];
    private int nextId;
    private int activations;

    public ProcessRun(ProcessDefinition definition, ProcessState state, DateTimeOffset now)
    {
        Definition = definition;
        Now = now;
        Status = state.Status;
        tokens = [.. state.Tokens];
        timers = [.. state.Timers];
        Variables = state.Variables;
        nextId = state.NextId;
        activations = state.Activations;
        completedNodes = [.. state.CompletedNodes];
        EndNodeId = state.EndNodeId;
        FailureReason = state.FailureReason;
    }

    public ProcessDefinition Definition { get; }

    public DateTimeOffset Now { get; }

    public ProcessStatus Status { get; private set; }

    public ImmutableDictionary<string, Variable> Variables { get; private set; }

    public string? EndNodeId { get; set; }

    public string? FailureReason { get; private set; }

    public bool IsRunning => Status == ProcessStatus.Running;

    public IReadOnlyList<Token> Tokens => tokens;

    public IReadOnlyList<PendingTimer> Timers => timers;

    public InterpreterStep Finish() =>
        new(
            new ProcessState(Status, [.. tokens], [.. timers], Variables, nextId, [.. completedNodes], EndNodeId, FailureReason, activations),
            [.. steps]);

    public string NewTokenId() => $"t{nextId++}";

    /// <summary>The next arrival's number: a token coming to rest at a node starts a new activation of it.</summary>
    public int NewActivation() => ++activations;

    public void Record(TransitionStepKind kind, string? nodeId, string? tokenId, string? detail = null) =>
        steps.Add(new TransitionStep(kind, nodeId, tokenId, detail));

    // Once per node: how often a node completed is history (the steps), and a looping run's state must not grow with it.
    public void MarkCompleted(string nodeId)
    {
        if (!completedNodes.Contains(nodeId))
        {
            completedNodes.Add(nodeId);
        }
    }

    public void Merge(IReadOnlyDictionary<string, Variable> outputs) => Variables = Variables.SetItems(outputs);

    public void EnsureRunning(string what)
    {
        if (!IsRunning)
        {
            var reason = FailureReason is null ? string.Empty : $" ({FailureReason})";
            throw new WorkflowRuntimeException($"Cannot {what}: the process is {Status}{reason} and accepts no more events.");
        }
    }

    /// <summary>The token, which must be in <paramref name="expected"/> status at a node of type <typeparamref name="TNode"/>.</summary>
    public (Token Token, TNode Node) Expect<TNode>(string tokenId, TokenStatus expected, string what)
        where TNode : FlowNode
    {
        var token = tokens.Find(candidate => candidate.TokenId == tokenId)
            ?? throw new WorkflowRuntimeException(
                $"Cannot {what}: the run has no token '{tokenId}' (tokens: {DescribeTokens()}).", tokenId);

        if (!Definition.Nodes.TryGetValue(token.NodeId, out var node) || node is not TNode typed)
        {
            throw new WorkflowRuntimeException(
                $"Cannot {what}: token '{tokenId}' is at '{token.NodeId}', which is not a {typeof(TNode).Name} of process '{Definition.ProcessId}'.",
                tokenId,
                token.NodeId);
        }

        if (token.Status != expected)
        {
            throw new WorkflowRuntimeException(
                $"Cannot {what}: token '{tokenId}' at node '{token.NodeId}' is {token.Status}, not {expected}.",
                tokenId,
                token.NodeId);
        }

        return (token, typed);
    }

    public void AddToken(Token token) => tokens.Add(token);

    public void ReplaceToken(Token current, Token updated) => tokens[tokens.IndexOf(current)] = updated;

    public void RemoveToken(Token token) => tokens.Remove(token);

    public PendingTimer ScheduleTimer(string tokenId, string eventNodeId, TimerKind kind, TimeSpan delay)
    {
        var timer = new PendingTimer($"timer{nextId++}", tokenId, eventNodeId, kind, Now + delay);
        timers.Add(timer);
        Record(TransitionStepKind.TimerScheduled, eventNodeId, tokenId, $"{timer.TimerId} ({kind}) due {Format(timer.DueAt)}");
        return timer;
    }

    public void RemoveTimer(PendingTimer timer) => timers.Remove(timer);

    public void CancelTimers(Func<PendingTimer, bool> which, string reason)
    {
        foreach (var timer in timers.Where(which).ToList())
        {
            timers.Remove(timer);
            Record(TransitionStepKind.TimerCancelled, timer.EventNodeId, timer.TokenId, $"{timer.TimerId}: {reason}");
        }
    }

    public void Fail(string reason, string? nodeId, string? tokenId)
    {
        CancelTimers(_ => true, "the process failed");
        Status = ProcessStatus.Failed;
        FailureReason = reason;
        Record(TransitionStepKind.ProcessFailed, nodeId, tokenId, reason);
    }

    public void Terminate(EndEvent end, string tokenId)
    {
        CancelTimers(_ => true, $"terminated by end event '{end.Id}'");
        var others = tokens.Count;
        tokens.Clear();
        Status = ProcessStatus.Terminated;
        EndNodeId = end.Id;
        Record(TransitionStepKind.ProcessTerminated, end.Id, tokenId, $"terminate end event '{end.DisplayName}' reached; {others} other token(s) removed");
    }

    public void Complete()
    {
        Status = ProcessStatus.Completed;
        var end = EndNodeId is null ? "an end event" : $"end event '{Definition.Node(EndNodeId).DisplayName}'";
        Record(TransitionStepKind.ProcessCompleted, EndNodeId, null, $"every token reached an end; last at {end}");
    }

    public static string Format(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    private string DescribeTokens() =>
        tokens.Count == 0 ? "none" : string.Join(", ", tokens.Select(token => $"{token.TokenId} at {token.NodeId} ({token.Status})"));
}
