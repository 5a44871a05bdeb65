using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>
/// What a worker reports when it finished a job: variables for the run, measured metrics (the next gate sees them),
/// the artifact it produced (URI and SHA-256), the data set versions it used, and an excerpt of its log.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.job-completion")]
public sealed record JobCompletion(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] ImmutableDictionary<string, Variable> Variables,
    [property: Id(2)] ImmutableDictionary<string, double> Metrics,
    [property: Id(3)] string? ArtifactUri,
    [property: Id(4)] string? ArtifactSha256,
    [property: Id(5)] ImmutableDictionary<string, string> DatasetVersions,
    [property: Id(6)] string? LogExcerpt)
{
    /// <summary>A model the worker trained (with the artifact above), registered as the run's new version.</summary>
    [Id(7)]
    public ExternalModel? Model { get; init; }
}
