using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// Numbers rule set versions: 1 for the first content the catalog activates for an id, +1 each time different
/// content for that id is activated. Kept in memory only, so numbering restarts with the process; the content hash
/// is the stable identity of a version.
/// </summary>
internal sealed class RuleSetVersions
{
    private readonly Dictionary<string, RuleSetRef> _latest = new(StringComparer.Ordinal);

    public RuleSetRef Activate(string ruleSetId, string contentHash)
    {
        if (_latest.TryGetValue(ruleSetId, out var latest) && latest.ContentHash == contentHash)
        {
            return latest;
        }

        var next = new RuleSetRef(ruleSetId, (latest?.Version ?? 0) + 1, contentHash);
        _latest[ruleSetId] = next;
        return next;
    }
}
