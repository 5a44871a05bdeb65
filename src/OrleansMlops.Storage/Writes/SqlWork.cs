namespace OrleansMlops.Storage.Writes;

/// <summary>
/// Statements that must commit together, run in a <see cref="SqlSession"/> whose transaction an <see cref="ISqlWriter"/>
/// owns. The work must not commit, roll back or keep the session; it may run alongside other work in the same
/// transaction, so it must not depend on what other writers do.
/// </summary>
public delegate Task SqlWork(SqlSession session, CancellationToken cancellationToken);
