using System.Collections.Immutable;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>The state after one event, and what happened on the way (for history, audit and the live view).</summary>
public sealed record InterpreterStep(ProcessState State, ImmutableArray<TransitionStep> Steps);
