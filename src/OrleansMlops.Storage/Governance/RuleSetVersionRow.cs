using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Storage.Governance;

/// <summary>A rule_set_versions row as Dapper reads and writes it (INTEGER as long, times as UTC round-trip text).</summary>
internal sealed class RuleSetVersionRow
{
    public string RuleSetId { get; set; } = "";
    public long Version { get; set; }
    public string ContentHash { get; set; } = "";
    public string Content { get; set; } = "";
    public string ActivatedBy { get; set; } = "";
    public string ActivatedAt { get; set; } = "";
    public string Source { get; set; } = "";

    public static RuleSetVersionRow From(RuleSetVersionRecord record) => new()
    {
        RuleSetId = record.RuleSetId,
        Version = record.Version,
        ContentHash = record.ContentHash,
        Content = record.Content,
        ActivatedBy = record.ActivatedBy,
        ActivatedAt = UtcTimestamp.Format(record.ActivatedAt),
        Source = record.Source,
    };

    public RuleSetVersionRecord ToRecord() =>
        new(RuleSetId, checked((int)Version), ContentHash, Content, ActivatedBy, UtcTimestamp.Parse(ActivatedAt), Source);

    /// <summary>Whether two rows carry the same stored text in every column.</summary>
    public bool SameAs(RuleSetVersionRow other) =>
        string.Equals(RuleSetId, other.RuleSetId, StringComparison.Ordinal)
        && Version == other.Version
        && string.Equals(ContentHash, other.ContentHash, StringComparison.Ordinal)
        && string.Equals(Content, other.Content, StringComparison.Ordinal)
        && string.Equals(ActivatedBy, other.ActivatedBy, StringComparison.Ordinal)
        && string.Equals(ActivatedAt, other.ActivatedAt, StringComparison.Ordinal)
        && string.Equals(Source, other.Source, StringComparison.Ordinal);
}
