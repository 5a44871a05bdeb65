using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Runs;

public enum ModelEffectKind
{
    Register,
    Validate,
    Approve,
    Deploy,
    AttachDocuments,
}

/// <summary>
/// A change the run owes its model version. Effects are persisted with the transition that caused them and applied
/// after the commit (again after a crash): the model grain acknowledges a repeated change without applying it twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.model-effect")]
public sealed record ModelEffect(
    [property: Id(0)] ModelEffectKind Kind,
    [property: Id(1)] ModelVersionKey Model,
    [property: Id(2)] string Actor,
    [property: Id(3)] ModelRegistration? Registration = null,
    [property: Id(4)] ImmutableDictionary<string, double>? Metrics = null,
    [property: Id(5)] string? Environment = null)
{
    /// <summary>Evidence to attach (<see cref="ModelEffectKind.AttachDocuments"/>).</summary>
    [Id(6)]
    public ImmutableArray<ModelDocument> Documents { get; init; } = [];

    /// <summary>A release or a rollback (<see cref="ModelEffectKind.Deploy"/>), with the run's stated reason.</summary>
    [Id(7)]
    public DeploymentKind Deployment { get; init; }

    [Id(8)]
    public string? Reason { get; init; }
}
