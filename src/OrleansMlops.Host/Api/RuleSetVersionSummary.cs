using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Host.Api;

/// <summary>One stored version of a rule set without its content (GET …/versions/{version} returns the content).</summary>
public sealed record RuleSetVersionSummary(
    string RuleSetId,
    int Version,
    string ContentHash,
    string ActivatedBy,
    DateTimeOffset ActivatedAt,
    string Source)
{
    public static RuleSetVersionSummary From(RuleSetVersionRecord record) =>
        new(record.RuleSetId, record.Version, record.ContentHash, record.ActivatedBy, record.ActivatedAt, record.Source);
}
