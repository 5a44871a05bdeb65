using System.Text;

namespace OrleansMlops.Governance.Versions;

/// <summary>
/// Numbers rule set versions over an <see cref="IRuleSetVersionStore"/>: content equal to the latest stored version of
/// its id reuses that version (so numbers survive restarts); other content becomes latest + 1. When another process
/// stored that number first, the ledger rereads the store and tries again. Not thread-safe: the catalog serializes.
/// </summary>
internal sealed class RuleSetVersionLedger(IRuleSetVersionStore store)
{
    private const int Attempts = 3;

    private Dictionary<string, RuleSetVersionRecord>? _latest;

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_latest is null)
        {
            await RefreshAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<RuleSetVersionRecord>> AllAsync(CancellationToken cancellationToken) => store.LoadAllAsync(cancellationToken);

    public async Task<RuleSetVersionRecord> RecordAsync(
        string ruleSetId, string contentHash, byte[] content, string activatedBy, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var latest = _latest!.GetValueOrDefault(ruleSetId);
            if (latest is not null && latest.ContentHash == contentHash)
            {
                return latest;
            }

            var record = new RuleSetVersionRecord(
                ruleSetId, (latest?.Version ?? 0) + 1, contentHash, Encoding.UTF8.GetString(content), activatedBy, at, source);
            try
            {
                await store.AppendAsync(record, cancellationToken);
                _latest![ruleSetId] = record;
                return record;
            }
            catch (RuleSetVersionConflictException) when (attempt < Attempts)
            {
                await RefreshAsync(cancellationToken);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var all = await store.LoadAllAsync(cancellationToken);
        _latest = all.GroupBy(r => r.RuleSetId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!, StringComparer.Ordinal);
    }
}
