using System.Collections.Concurrent;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Transitions;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Grain states in memory, versioned as the SQL store versions them, and the rows of each transition counted and
/// dropped: the engine's work without the cost of storing it, for the Memory configuration.
/// </summary>
internal sealed class MemoryTransitionStore : ITransitionStore
{
    private readonly ConcurrentDictionary<GrainStateKey, StoredGrainState> _states = new();

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(key, out var stored) ? stored : null);

    public Task<long> CommitAsync(GrainTransition transition, CancellationToken cancellationToken)
    {
        var expected = transition.ExpectedVersion;
        var written = new StoredGrainState((expected ?? 0) + 1, transition.State);
        var stored = expected is null
            ? _states.TryAdd(transition.Key, written)
            : _states.TryGetValue(transition.Key, out var current) && current.Version == expected && _states.TryUpdate(transition.Key, written, current);
        return stored ? Task.FromResult(written.Version) : Task.FromException<long>(new GrainStateConflictException(transition.Key, expected));
    }
}
