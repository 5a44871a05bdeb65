namespace OrleansMlops.Governance.Versions;

/// <summary>
/// Versions kept in this process only: the default when no persistent store is registered (numbering then restarts
/// with the process). Same append-only contract as the persistent stores.
/// </summary>
public sealed class InMemoryRuleSetVersionStore : IRuleSetVersionStore
{
    private readonly Lock _lock = new();
    private readonly List<RuleSetVersionRecord> _records = [];

    public Task<IReadOnlyList<RuleSetVersionRecord>> LoadAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<RuleSetVersionRecord>>([.. _records]);
        }
    }

    public Task AppendAsync(RuleSetVersionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var stored = _records.Find(r => r.RuleSetId == record.RuleSetId && r.Version == record.Version);
            if (stored is null)
            {
                _records.Add(record);
            }
            else if (stored != record)
            {
                throw new RuleSetVersionConflictException(record.RuleSetId, record.Version);
            }
        }

        return Task.CompletedTask;
    }
}
