namespace OrleansMlops.Documents;

/// <summary>A section a generated document always contains: its anchor id (HTML) and its heading (both formats).</summary>
public sealed record SectionHeading(string Id, string Title);
