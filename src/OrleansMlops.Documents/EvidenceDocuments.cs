using System.Collections.Immutable;
using System.Text;
using OrleansMlops.Documents.Facts;
using OrleansMlops.Documents.Model;
using OrleansMlops.Documents.Rendering;
using OrleansMlops.Documents.Writers;

namespace OrleansMlops.Documents;

/// <summary>
/// The evidence documents of a model version: its model card and its EU AI Act Annex IV technical documentation, each
/// as Markdown and as standalone HTML. Pure and deterministic: the same <see cref="ModelEvidence"/> always gives the
/// same bytes (no clock, invariant culture, sorted keys, '\n' line endings), so a document's SHA-256 can be recorded
/// in the audit trail and checked later by regenerating it.
/// </summary>
public static class EvidenceDocuments
{
    public const string ModelCardKind = "model-card";
    public const string AnnexIvKind = "annex-iv";
    public const string ModelCardMarkdown = "model-card.md";
    public const string ModelCardHtml = "model-card.html";
    public const string AnnexIvMarkdown = "annex-iv.md";
    public const string AnnexIvHtml = "annex-iv.html";
    public const string MarkdownMediaType = "text/markdown; charset=utf-8";
    public const string HtmlMediaType = "text/html; charset=utf-8";
    public const string LineageKind = "lineage";
    public const string LineageSvg = "lineage.svg";
    public const string SvgMediaType = "image/svg+xml; charset=utf-8";

    /// <summary>The file names <see cref="GenerateAll"/> returns, in that order.</summary>
    public static ImmutableArray<string> FileNames { get; } = [ModelCardMarkdown, ModelCardHtml, AnnexIvMarkdown, AnnexIvHtml];

    /// <summary>The sections every model card has, in order.</summary>
    public static ImmutableArray<SectionHeading> ModelCardSections => ModelCardWriter.Sections;

    /// <summary>The sections every Annex IV document has: one per point of Annex IV of Regulation (EU) 2024/1689, in order.</summary>
    public static ImmutableArray<SectionHeading> AnnexIvSections => AnnexIvWriter.Sections;

    /// <summary>All four documents (model card and Annex IV, Markdown and HTML), in <see cref="FileNames"/> order.</summary>
    public static ImmutableArray<GeneratedDocument> GenerateAll(ModelEvidence evidence)
    {
        var card = ModelCardWriter.Write(evidence);
        var annex = AnnexIvWriter.Write(evidence);
        return [.. Both(ModelCardKind, card, ModelCardMarkdown, ModelCardHtml), .. Both(AnnexIvKind, annex, AnnexIvMarkdown, AnnexIvHtml)];
    }

    /// <summary>One document by file name (one of <see cref="FileNames"/>); null for any other name.</summary>
    public static GeneratedDocument? Generate(ModelEvidence evidence, string fileName) => fileName switch
    {
        ModelCardMarkdown => Markdown(ModelCardKind, ModelCardWriter.Write(evidence), fileName),
        ModelCardHtml => Html(ModelCardKind, ModelCardWriter.Write(evidence), fileName),
        AnnexIvMarkdown => Markdown(AnnexIvKind, AnnexIvWriter.Write(evidence), fileName),
        AnnexIvHtml => Html(AnnexIvKind, AnnexIvWriter.Write(evidence), fileName),
        _ => null,
    };

    /// <summary>
    /// The lineage diagram alone as a standalone SVG image (data files and code → model → artifact), the same drawing
    /// the HTML documents embed; deterministic like them.
    /// </summary>
    public static GeneratedDocument Lineage(ModelEvidence evidence)
    {
        var svg = new StringBuilder();
        SvgLineage.Render(svg, LineageGraphs.From(new EvidenceFacts(evidence)));
        // Embedded in HTML the namespace is implied; a standalone image must declare it.
        svg.Replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 0, 5);
        return GeneratedDocument.From(LineageKind, LineageSvg, SvgMediaType, svg.ToString());
    }

    private static GeneratedDocument[] Both(string kind, EvidenceDocument document, string markdownName, string htmlName) =>
        [Markdown(kind, document, markdownName), Html(kind, document, htmlName)];

    private static GeneratedDocument Markdown(string kind, EvidenceDocument document, string fileName) =>
        GeneratedDocument.From(kind, fileName, MarkdownMediaType, MarkdownRenderer.Render(document));

    private static GeneratedDocument Html(string kind, EvidenceDocument document, string fileName) =>
        GeneratedDocument.From(kind, fileName, HtmlMediaType, HtmlRenderer.Render(document));
}
