using OrleansMlops.Storage.GrainState;

namespace OrleansMlops.Storage.Transitions;

/// <summary>Where grains' states and the rows their changes add are stored, one transition at a time.</summary>
public interface ITransitionStore
{
    /// <summary>The grain's stored state, or null when it never stored one.</summary>
    Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="transition"/> whole or not at all and returns the state's new version; completes once it is durable.</summary>
    /// <exception cref="GrainStateConflictException">Another activation wrote the state since it was read; nothing was stored.</exception>
    /// <exception cref="Audit.AuditStoreException">A record conflicts with the stored chain; nothing was stored.</exception>
    Task<long> CommitAsync(GrainTransition transition, CancellationToken cancellationToken);
}
