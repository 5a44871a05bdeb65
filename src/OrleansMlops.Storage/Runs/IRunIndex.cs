using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Storage.Runs;

/// <summary>The listing read model of runs, fed by projections from the run grains.</summary>
public interface IRunIndex
{
    /// <summary>
    /// Inserts the run, or replaces it only when <see cref="RunSummary.Version"/> is greater than the stored one;
    /// stale or repeated projections are ignored, so delivery order does not matter.
    /// </summary>
    Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken);

    Task<RunSummary?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs matching the filters, newest start first (ties by run id); the limit is clamped to 1..1000.</summary>
    Task<IReadOnlyList<RunSummary>> ListAsync(RunQuery query, CancellationToken cancellationToken);
}
