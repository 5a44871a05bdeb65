namespace OrleansMlops.Governance.Versions;

/// <summary>
/// Where rule set versions are kept, so version numbers survive restarts and every version stays available.
/// Append-only: a version, once stored, never changes.
/// </summary>
public interface IRuleSetVersionStore
{
    /// <summary>Every stored version of every rule set.</summary>
    Task<IReadOnlyList<RuleSetVersionRecord>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores one version. Storing a record equal to the stored one is a no-op; a different record under an existing
    /// (rule set id, version) throws <see cref="RuleSetVersionConflictException"/> (another process numbered it first).
    /// </summary>
    Task AppendAsync(RuleSetVersionRecord record, CancellationToken cancellationToken);
}
