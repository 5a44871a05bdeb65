using System.Data.Common;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Transitions;

/// <summary>
/// The engine's one way to make a grain's change durable: the state row, its audit records, decisions and index rows go
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
        List<SqlWork> work = [state];
        if (transition.Audit.Count > 0)
        {
            work.Add(SqlAuditStore.Append(transition.Audit));
        }

        if (transition.Decisions.Count > 0)
        {
            work.Add(SqlDecisionStore.Append(transition.Decisions));
        }

        if (transition.IndexRow is { } row)
        {
            work.Add(SqlRunIndex.Upsert(row));
        }

        if (transition.ModelRow is { } model)
        {
            work.Add(SqlModelIndex.Upsert(model.View, model.Revision));
        }

        await writer.ExecuteAsync(
            work.Count == 1 ? state : async (session, token) =>
            {
                foreach (var rows in work)
                {
                    await rows(session, token);
                }
            },
            cancellationToken);
        return version;
    }
}
