using System.Data.Common;

namespace OrleansMlops.Storage.Writes;

/// <summary>
/// Statements that must commit together, run on a connection inside a transaction that an <see cref="ISqlWriter"/>
/// owns. The work must not commit, roll back or keep the connection; it may run alongside other work in the same
/// transaction, so it must not depend on what other writers do.
/// </summary>
public delegate Task SqlWork(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
