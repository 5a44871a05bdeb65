namespace OrleansMlops.Storage.Writes;

/// <summary>Runs <see cref="SqlWork"/> durably: the returned task completes only after the work's transaction has committed.</summary>
public interface ISqlWriter
{
    /// <summary>
    /// Runs <paramref name="work"/> atomically: all of its statements commit, or none do. Completes after the commit;
    /// faults with the work's own exception when the work failed (nothing of it is stored), or with the database's
    /// when the commit failed.
    /// </summary>
    Task ExecuteAsync(SqlWork work, CancellationToken cancellationToken);
}
