using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows.Tests;

/// <summary>Shorthands for interpreter tests.</summary>
internal static class Runs
{
    public static readonly DateTimeOffset T0 = ProcessDriver.Epoch;

    public static readonly ImmutableDictionary<string, Variable> NoVariables = ImmutableDictionary<string, Variable>.Empty;

    public static ProcessInterpreter Interpreter(string ownFile) =>
        new(BpmnLoader.Load(TestFiles.Read(TestFiles.OwnBpmn(ownFile))));

    public static ImmutableDictionary<string, Variable> Vars(params (string Name, Variable Value)[] values) =>
        values.ToImmutableDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);

    public static Token TokenAt(ProcessState state, string nodeId) => Assert.Single(state.Tokens, token => token.NodeId == nodeId);

    public static IEnumerable<TransitionStepKind> Kinds(InterpreterStep step) => step.Steps.Select(transition => transition.Kind);

    /// <summary>Everything in a state, as text: records holding immutable arrays do not compare by content.</summary>
    public static string Snapshot(ProcessState state) =>
        string.Join(
            "\n",
            state.Status,
            string.Join("; ", state.Tokens),
            string.Join("; ", state.Timers),
            string.Join("; ", state.Variables.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")),
            state.NextId,
            state.Activations,
            string.Join(",", state.CompletedNodes),
            state.EndNodeId,
            state.FailureReason);
}
