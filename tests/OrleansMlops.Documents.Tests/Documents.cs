namespace OrleansMlops.Documents.Tests;

/// <summary>Shortcuts: one generated document as text.</summary>
internal static class Documents
{
    public static GeneratedDocument Of(ModelEvidence evidence, string fileName) =>
        EvidenceDocuments.Generate(evidence, fileName) ?? throw new InvalidOperationException($"No document '{fileName}'.");

    public static string Text(ModelEvidence evidence, string fileName) => Of(evidence, fileName).Text;

    /// <summary>The Markdown split at its "## " headings: heading title → section body.</summary>
    public static IReadOnlyDictionary<string, string> MarkdownSections(string markdown) =>
        markdown.Split("\n## ").Skip(1).ToDictionary(s => s[..s.IndexOf('\n', StringComparison.Ordinal)], s => s, StringComparer.Ordinal);
}
