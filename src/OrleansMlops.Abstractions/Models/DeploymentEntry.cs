namespace OrleansMlops.Abstractions.Models;

/// <summary>
/// One change of what is live in an environment: the version made live, the one it replaced (null: none), how, by
/// which run and person, when and why. The entries of an environment are its full history.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.deployment-entry")]
public sealed record DeploymentEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] int? ReplacedVersion,
    [property: Id(2)] DeploymentKind Kind,
    [property: Id(3)] string RunId,
    [property: Id(4)] string Actor,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string? Reason);
