using System.Data.Common;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Transitions;

/// <summary>
/// The engine's one way to make a grain's change durable: the state row, its audit records, decisions and index row go
/// into one group-committed transaction, and <see cref="CommitAsync"/> returns only after it committed. Nothing here
/// knows a grain's state type: states arrive serialized.
/// </summary>
public sealed class TransitionStore(DbDataSource dataSource, ISqlWriter writer) : ITransitionStore
{
    private readonly SqlGrainStateTable _table = new(dataSource);

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken) =>
        _table.ReadAsync(key, cancellationToken);

    public async Task<long> CommitAsync(GrainTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        long version = 0;
        var state = SqlGrainStateTable.Write(transition.Key, transition.ExpectedVersion, transition.State, written => version = written);
        await writer.ExecuteAsync(
            RowsOf(transition) is { } rows
                ? async (session, token) =>
                {
                    await state(session, token);
                    await rows(session, token);
                }
                : state,
            cancellationToken);
        return version;
    }

    /// <summary>The write of the rows <paramref name="transition"/> adds besides its state, in order; null when it adds none.</summary>
    public static SqlWork? RowsOf(GrainTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        List<SqlWork> rows = [];
        if (transition.Audit.Count > 0)
        {
            rows.Add(SqlAuditStore.Append(transition.Audit));
        }

        if (transition.Decisions.Count > 0)
        {
            rows.Add(SqlDecisionStore.Append(transition.Decisions));
        }

        if (transition.IndexRow is { } index)
        {
            rows.Add(SqlRunIndex.Upsert(index));
        }

        if (transition.ModelRow is { } model)
        {
            rows.Add(SqlModelIndex.Upsert(model.View, model.Revision));
        }

        return rows.Count switch
        {
            0 => null,
            1 => rows[0],
            _ => async (session, token) =>
            {
                foreach (var row in rows)
                {
                    await row(session, token);
                }
            },
        };
    }
}
