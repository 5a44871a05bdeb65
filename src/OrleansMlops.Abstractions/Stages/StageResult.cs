using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Abstractions.Stages;

/// <summary>
/// What a stage produced: variables for the run (gateway conditions read them), metrics, and, for training,
/// the model to register; for deployment, the environment.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.stage-result")]
public sealed record StageResult(
    [property: Id(0)] ImmutableDictionary<string, Variable> Outputs,
    [property: Id(1)] ImmutableDictionary<string, double> Metrics,
    [property: Id(2)] ModelRegistration? TrainedModel,
    [property: Id(3)] string? DeployedEnvironment)
{
    /// <summary>Evidence the stage produced or collected, to attach to the run's model version.</summary>
    [Id(4)]
    public ImmutableArray<ModelDocument> Documents { get; init; } = [];

    public static StageResult Empty { get; } = new(
        ImmutableDictionary<string, Variable>.Empty, ImmutableDictionary<string, double>.Empty, null, null);
}
