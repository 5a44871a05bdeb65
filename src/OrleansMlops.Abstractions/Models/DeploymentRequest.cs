namespace OrleansMlops.Abstractions.Models;

/// <summary>A run asking an environment to make one of the model's versions live. A run's request is applied once.</summary>
[GenerateSerializer, Immutable, Alias("mlops.deployment-request")]
public sealed record DeploymentRequest(
    [property: Id(0)] int Version,
    [property: Id(1)] DeploymentKind Kind,
    [property: Id(2)] string RunId,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Reason);
