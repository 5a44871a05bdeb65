using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows.Tests;

/// <summary>
/// Plays every participant of a run: lets every stage through its gate and completes it, decides every user task, and
/// fires the earliest timer (moving the clock to it) only when nothing else can move.
/// </summary>
internal sealed class ProcessDriver(ProcessDefinition definition)
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly ProcessInterpreter interpreter = new(definition);

    public Func<UserTask, bool> Decide { get; init; } = _ => true;

    /// <summary>User tasks for which nobody decides in time: their earliest boundary timer is fired instead.</summary>
    public Func<UserTask, bool> LetExpire { get; init; } = _ => false;

    public Func<StageTask, ImmutableDictionary<string, Variable>> StageOutputs { get; init; } =
        _ => ImmutableDictionary<string, Variable>.Empty;

    public List<TransitionStep> Steps { get; } = [];

    public DateTimeOffset Now { get; private set; } = Epoch;

    public ProcessState Run(ImmutableDictionary<string, Variable>? variables = null, int budget = 1_000)
    {
        var state = Record(interpreter.Start(variables ?? ImmutableDictionary<string, Variable>.Empty, Now));
        for (var move = 0; move < budget && state.Status == ProcessStatus.Running; move++)
        {
            state = Record(Next(state));
        }

        Assert.True(state.Status != ProcessStatus.Running, $"The run did not end within {budget} events; tokens: {Describe(state)}");
        return state;
    }

    private InterpreterStep Next(ProcessState state)
    {
        var active = state.Tokens.FirstOrDefault(token =>
            token.Status is TokenStatus.AwaitingGate or TokenStatus.Running or TokenStatus.WaitingForUser);
        if (active is not null)
        {
            var node = definition.Node(active.NodeId);
            return (active.Status, node) switch
            {
                (TokenStatus.AwaitingGate, _) => interpreter.AllowStage(state, active.TokenId, Now),
                (TokenStatus.Running, StageTask task) => interpreter.CompleteStage(state, active.TokenId, StageOutputs(task), Now),
                (_, UserTask task) when LetExpire(task) => FireEarliest(state, state.Timers.Where(timer => timer.TokenId == active.TokenId)),
                (_, UserTask task) => interpreter.CompleteUserTask(
                    state,
                    active.TokenId,
                    ImmutableDictionary<string, Variable>.Empty.Add(task.OutcomeVariable, Variable.Of(Decide(task))),
                    Now),
                _ => throw new InvalidOperationException($"Unexpected token {active}."),
            };
        }

        return FireEarliest(state, state.Timers);
    }

    private InterpreterStep FireEarliest(ProcessState state, IEnumerable<PendingTimer> timers)
    {
        var timer = timers.OrderBy(candidate => candidate.DueAt).ThenBy(candidate => candidate.TimerId, StringComparer.Ordinal).FirstOrDefault();
        Assert.True(timer is not null, $"The run is stuck with nothing to do; tokens: {Describe(state)}");
        if (timer.DueAt > Now)
        {
            Now = timer.DueAt;
        }

        return interpreter.FireTimer(state, timer.TimerId, Now);
    }

    private ProcessState Record(InterpreterStep step)
    {
        Steps.AddRange(step.Steps);
        return step.State;
    }

    private static string Describe(ProcessState state) =>
        string.Join(", ", state.Tokens.Select(token => $"{token.TokenId}@{token.NodeId}:{token.Status}"));
}
