using System.Collections.Concurrent;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Transitions;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Grain states in memory, versioned as the SQL store versions them; the rows of each transition (audit records,
/// decisions, index row) still go to SQLite through group commit, where views read them. For the Memory configuration:
/// the engine's cost without its state writes.
/// </summary>
internal sealed class MemoryTransitionStore(ISqlWriter writer) : ITransitionStore
{
    private readonly ConcurrentDictionary<GrainStateKey, StoredGrainState> _states = new();

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(key, out var stored) ? stored : null);

    public async Task<long> CommitAsync(GrainTransition transition, CancellationToken cancellationToken)
    {
        if (TransitionStore.RowsOf(transition) is { } rows)
        {
            await writer.ExecuteAsync(rows, cancellationToken);
        }

        var expected = transition.ExpectedVersion;
        var written = new StoredGrainState((expected ?? 0) + 1, transition.State);
        var stored = expected is null
            ? _states.TryAdd(transition.Key, written)
            : _states.TryGetValue(transition.Key, out var current) && current.Version == expected && _states.TryUpdate(transition.Key, written, current);
        return stored ? written.Version : throw new GrainStateConflictException(transition.Key, expected);
    }
}
