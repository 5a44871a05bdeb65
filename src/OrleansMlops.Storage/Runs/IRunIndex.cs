using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Storage.Runs;

/// <summary>The listing of runs, written with each run's transitions (<see cref="Transitions.TransitionStore"/>).</summary>
public interface IRunIndex
{
    Task<RunSummary?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs matching the filters, newest start first (ties by run id); the limit is clamped to 1..1000.</summary>
    Task<IReadOnlyList<RunSummary>> ListAsync(RunQuery query, CancellationToken cancellationToken);
}
