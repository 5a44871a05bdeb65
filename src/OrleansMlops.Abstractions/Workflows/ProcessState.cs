using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Workflows;

/// <summary>
/// The interpreter's view of a run: tokens, timers and variables. Immutable; the interpreter returns a new one per event.
/// <paramref name="Activations"/> counts the arrivals of tokens at nodes where they rest (see <see cref="Token.Activation"/>).
/// <paramref name="CompletedNodes"/> names each node that completed at least once, in the order it first did; how often
/// is the run's history, which the state does not carry.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.process-state")]
public sealed record ProcessState(
    [property: Id(0)] ProcessStatus Status,
    [property: Id(1)] ImmutableArray<Token> Tokens,
    [property: Id(2)] ImmutableArray<PendingTimer> Timers,
    [property: Id(3)] ImmutableDictionary<string, Variable> Variables,
    [property: Id(4)] int NextId,
    [property: Id(5)] ImmutableArray<string> CompletedNodes,
    [property: Id(6)] string? EndNodeId,
    [property: Id(7)] string? FailureReason,
    [property: Id(8)] int Activations = 0);
