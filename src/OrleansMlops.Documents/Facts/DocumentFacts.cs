using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Facts;

/// <summary>Reading attached evidence (risk register, instructions for use…) by kind and front-matter attribute.</summary>
internal static class DocumentFacts
{
    public static ImmutableArray<ModelDocument> OfKind(this ImmutableArray<ModelDocument> documents, string kind) =>
        [.. documents.Where(d => string.Equals(d.Kind, kind, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Every document that lists <paramref name="section"/> in its comma-separated "sections" attribute.</summary>
    public static ImmutableArray<ModelDocument> Covering(this ImmutableArray<ModelDocument> documents, string section) =>
        [.. documents.Where(d => Sections(d).Contains(section, StringComparer.OrdinalIgnoreCase))];

    public static string? Attribute(this ModelDocument document, string name) =>
        document.Attributes?.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static IEnumerable<string> Sections(ModelDocument document) =>
        (document.Attribute("sections") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"Title (kind, SHA-256 abc…)": how a document is cited.</summary>
    public static TextRun[] Citation(ModelDocument document) =>
        [TextRun.Plain($"{document.Title} ({document.Kind}, SHA-256 "), TextRun.Code(document.Sha256), TextRun.Plain(")")];

    /// <summary>Every front-matter attribute of the document, in key order, as facts (label = attribute name).</summary>
    public static IEnumerable<(string Key, string Value)> AttributesInOrder(ModelDocument document) =>
        Invariant.Sorted(document.Attributes).Select(a => (a.Key, a.Value));
}
