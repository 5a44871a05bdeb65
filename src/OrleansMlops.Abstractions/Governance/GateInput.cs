using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Governance;

/// <summary>
/// The typed facts a rule set sees. Rule expressions address it through the parameters
/// <c>input</c>, <c>run</c>, <c>model</c> and <c>actor</c> (the person acting now, e.g. the approver).
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-input")]
public sealed record GateInput(
    [property: Id(0)] string Transition,
    [property: Id(1)] GateRunFacts Run,
    [property: Id(2)] GateModelFacts Model,
    [property: Id(3)] Actor Actor,
    [property: Id(4)] string Environment,
    [property: Id(5)] DateTimeOffset Now);

/// <summary>Facts about the run: workflow, the node being entered, variables (as text) and who did what.</summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-run-facts")]
public sealed record GateRunFacts(
    [property: Id(0)] string RunId,
    [property: Id(1)] string WorkflowId,
    [property: Id(2)] int WorkflowVersion,
    [property: Id(3)] string? NodeId,
    [property: Id(4)] string? Stage,
    [property: Id(5)] ImmutableDictionary<string, string> Variables,
    [property: Id(6)] Actor Submitter,
    [property: Id(7)] Actor? Trainer,
    [property: Id(8)] Actor? Validator,
    [property: Id(9)] Actor? Approver,
    [property: Id(10)] DateTimeOffset StartedAt);

/// <summary>Facts about the model version the run produced (empty before training).</summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-model-facts")]
public sealed record GateModelFacts(
    [property: Id(0)] bool Registered,
    [property: Id(1)] string? Name,
    [property: Id(2)] int Version,
    [property: Id(3)] string? Purpose,
    [property: Id(4)] string? RiskClass,
    [property: Id(5)] string Lifecycle,
    [property: Id(6)] ImmutableDictionary<string, double> Metrics,
    [property: Id(7)] string? DatasetSha256,
    [property: Id(8)] string? CodeCommit,
    [property: Id(9)] string? ArtifactSha256)
{
    public static GateModelFacts None { get; } =
        new(false, null, 0, null, null, "None", ImmutableDictionary<string, double>.Empty, null, null, null);
}
